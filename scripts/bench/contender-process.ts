import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../src/config';

export interface ContenderProcess {
  origin: string;
  pid: number;
  /** Resident set size now, in MB (from /proc). */
  rssMb: () => number;
  /** SIGTERM, then SIGKILL after 10 s; resolves with how the process ended. */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts one contender as its own Node process (so each has its own event loop and heap, as in
 * production) and waits until it prints the port it listens on.
 */
export function startContender(name: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ContenderProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let settled = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start within 120 s:\n${output.slice(-2000)}`)), 120_000);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = ready.exec(output);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        origin: `http://127.0.0.1:${match[1]}`,
        pid: child.pid!,
        rssMb: () => rssMbOf(child.pid!),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done({ code: child.exitCode, signal: child.signalCode });
            child.once('exit', (code, signal) => done({ code, signal }));
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => fail(new Error(`${name} exited with ${code} before it was ready:\n${output.slice(-2000)}`)));
  });
}

export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}
