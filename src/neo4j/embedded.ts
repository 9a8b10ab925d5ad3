import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT, type EmbeddedNeo4jConfig } from '../config';

/**
 * Starts and stops the embedded Neo4j Community (scripts/neo4j): a small Java launcher resolved
 * from Maven Central and run on the machine's Java 17. Version, JVM options and memory settings
 * all come from scripts/neo4j/neo4j.config.json.
 */

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'scripts', 'neo4j');
const CONFIG_FILE = path.join(LAUNCHER_DIR, 'neo4j.config.json');
const TARGET_DIR = path.join(LAUNCHER_DIR, 'target');
const CLASSPATH_FILE = path.join(TARGET_DIR, 'classpath.txt');
const MAIN_CLASS = 'codesetgraph.EmbeddedNeo4j';

interface LauncherConfig {
  version: string;
  heap: string;
  pageCache: string;
  jvmOptions: string[];
  settings: Record<string, string>;
}

export function readLauncherConfig(): LauncherConfig {
  return JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8')) as LauncherConfig;
}

/** Resolves Neo4j from Maven Central and compiles the launcher, once (or when its sources change). */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  const config = readLauncherConfig();
  const stamp = path.join(TARGET_DIR, 'built-for.txt');
  const wanted = `${config.version}\n${fs.statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs}\n${
    fs.statSync(path.join(LAUNCHER_DIR, 'src/main/java/codesetgraph/EmbeddedNeo4j.java')).mtimeMs
  }`;
  if (fs.existsSync(CLASSPATH_FILE) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return;
  log(`Resolving Neo4j ${config.version} from Maven Central and building the launcher (first run only)...`);
  const result = spawnSync('mvn', ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), `-Dneo4j.version=${config.version}`, 'package'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw new Error(`could not run Maven (mvn): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`Maven failed to build scripts/neo4j (exit ${result.status}); see its output above`);
  fs.writeFileSync(stamp, wanted);
}

function pidFile(home: string): string {
  return path.join(home, 'neo4j.pid');
}

export function launcherLogFile(home: string): string {
  return path.join(home, 'logs', 'launcher.log');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `pid` runs our launcher for this home. A pid file that outlived its process (a reboot,
 * a kill -9) may name an unrelated program by now: that one is never reused nor signalled.
 */
function isOurNeo4j(pid: number, home: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return commandLine.includes(MAIN_CLASS) && commandLine.includes(home);
  } catch {
    return true; // no /proc on this platform: the pid file is all there is to go by
  }
}

/** The pid of the embedded Neo4j recorded for this home, when that process still runs. */
export function runningPid(home: string): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(home), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isOurNeo4j(pid, home) ? pid : null;
  } catch {
    return null;
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function writeNeo4jConf(options: EmbeddedNeo4jConfig, config: LauncherConfig): string {
  const settings: Record<string, string> = {
    ...config.settings,
    'server.bolt.listen_address': `127.0.0.1:${options.boltPort}`,
    'server.default_listen_address': '127.0.0.1',
    'server.memory.pagecache.size': config.pageCache,
    'server.directories.logs': path.join(options.home, 'logs'),
  };
  const file = path.join(options.home, 'neo4j.conf');
  const text = Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  fs.writeFileSync(file, `# Written by scripts/neo4j from neo4j.config.json on every start; edit that file instead.\n${text}\n`);
  return file;
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface StartedNeo4j {
  /** Null when a Neo4j was already running for this home or port and was reused. */
  child: ChildProcess | null;
  pid: number | null;
  startedByUs: boolean;
  millis: number;
}

export interface StartOptions {
  /** Let this process exit while Neo4j keeps running (the `neo4j:start` command). */
  detached?: boolean;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Starts the embedded Neo4j for `options.home` on `options.boltPort` and resolves once Bolt accepts
 * connections. A Neo4j already running for this home (pid file) is reused, not started twice.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jConfig, start: StartOptions = {}): Promise<StartedNeo4j> {
  fs.mkdirSync(path.join(options.home, 'logs'), { recursive: true });
  const lock = path.join(options.home, 'neo4j.starting');
  const began = Date.now();
  // One starter at a time per store (npm start and npm run import may race): the others wait.
  while (!claim(lock)) {
    if (Date.now() - began > (start.readyTimeoutMs ?? 120_000)) {
      throw new Error(`another process has been starting the embedded Neo4j for ${options.home} for too long; remove ${lock} if no start is running`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await startLocked(options, start, began);
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Creates the lock file, or answers false when a live start holds it (a stale one is taken over). */
function claim(lock: string): boolean {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = Number(fs.readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return false;
    fs.rmSync(lock, { force: true });
    return claim(lock);
  }
}

async function startLocked(options: EmbeddedNeo4jConfig, start: StartOptions, began: number): Promise<StartedNeo4j> {
  const log = start.log ?? (() => {});
  const existing = runningPid(options.home);
  if (existing !== null) {
    await waitForPort(options.boltPort, start.readyTimeoutMs ?? 120_000, () => isAlive(existing), options.home);
    return { child: null, pid: existing, startedByUs: false, millis: Date.now() - began };
  }
  if (await portAnswers(options.boltPort)) {
    throw new Error(`port ${options.boltPort} is already taken by another program; set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use that server`);
  }
  ensureLauncherBuilt(log);
  const config = readLauncherConfig();
  const confFile = writeNeo4jConf(options, config);
  const logFile = launcherLogFile(options.home);
  const logOffset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const out = fs.openSync(logFile, 'a');
  const classpath = `${path.join(TARGET_DIR, 'classes')}${path.delimiter}${fs.readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const args = [`-Xms${config.heap}`, `-Xmx${config.heap}`, ...config.jvmOptions, '-cp', classpath, MAIN_CLASS, options.home, confFile];
  // Its own process group: a Ctrl-C in the terminal reaches this process, which drains requests
  // and only then stops Neo4j, instead of reaching Neo4j first.
  const child = spawn('java', args, { detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = false;
  let spawnError: Error | null = null;
  child.once('error', (error) => {
    spawnError = error;
    exited = true;
  });
  child.once('exit', () => {
    exited = true;
  });
  if (child.pid === undefined) {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error(`could not start java (${(spawnError as Error | null)?.message ?? 'no pid'}): is a Java 17 runtime on the PATH?`);
  }
  fs.writeFileSync(pidFile(options.home), String(child.pid));
  if (start.detached) child.unref();
  try {
    await waitForReadyLine(logFile, logOffset, start.readyTimeoutMs ?? 120_000, () => !exited, options.home);
  } catch (error) {
    if (!exited) child.kill('SIGTERM');
    throw error;
  }
  return { child, pid: child.pid, startedByUs: true, millis: Date.now() - began };
}

/**
 * Waits for the READY line our own launcher prints once the database is available (and its Bolt
 * connector bound), reading only what was appended since it was spawned: another program that
 * happens to answer on the port never counts as our Neo4j being ready.
 */
async function waitForReadyLine(logFile: string, offset: number, timeoutMs: number, alive: () => boolean, home: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const appended = fs.readFileSync(logFile).subarray(offset).toString('utf8');
    if (/^READY /m.test(appended)) return;
    if (!alive()) {
      throw new Error(`the embedded Neo4j exited before it was ready; last lines of ${launcherLogFile(home)}:\n${tail(launcherLogFile(home))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the embedded Neo4j was not ready within ${timeoutMs} ms; see ${launcherLogFile(home)}`);
}

async function waitForPort(port: number, timeoutMs: number, alive: () => boolean, home: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) {
      throw new Error(`the embedded Neo4j exited before Bolt answered; last lines of ${launcherLogFile(home)}:\n${tail(launcherLogFile(home))}`);
    }
    if (await portAnswers(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the embedded Neo4j did not answer on port ${port} within ${timeoutMs} ms; see ${launcherLogFile(home)}`);
}

/** Sends SIGTERM and waits for the store to close. Returns false when nothing was running. */
export async function stopEmbeddedNeo4j(home: string, timeoutMs = 60_000): Promise<boolean> {
  const pid = runningPid(home);
  if (pid === null) {
    fs.rmSync(pidFile(home), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(`the embedded Neo4j (pid ${pid}) did not stop within ${timeoutMs} ms; see ${launcherLogFile(home)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fs.rmSync(pidFile(home), { force: true });
  return true;
}
