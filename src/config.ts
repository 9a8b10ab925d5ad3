import path from 'node:path';

/** Where the repository lives: every relative path in the configuration is taken from here. */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

export interface Neo4jTarget {
  /** Bolt URI; `bolt://`, `neo4j://`, `neo4j+s://` and the other driver schemes all work. */
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface EmbeddedNeo4jConfig {
  /** Folder that holds the store, the generated neo4j.conf, the pid file and the logs. */
  home: string;
  boltPort: number;
}

export interface Config {
  host: string;
  port: number;
  /** A server given by the user (NEO4J_URI); when absent the embedded Neo4j is started. */
  externalNeo4j: Neo4jTarget | null;
  embedded: EmbeddedNeo4jConfig;
  /** Bound on how long a request waits for a Bolt connection before SERVICE_UNAVAILABLE. */
  neo4jConnectTimeoutMs: number;
  /** Server-side transaction timeout sent with every query. */
  neo4jQueryTimeoutMs: number;
  loadSampleWhenEmpty: boolean;
  logLevel: string;
  /** Write credentials: API key -> the name recorded as author in the audit trail (CODESET_API_KEYS). */
  apiKeys: ReadonlyMap<string, string>;
  /** Return each request's Cypher round trips in `extensions.roundTrips` (DEBUG_EXTENSIONS). */
  debugExtensions: boolean;
  /** The answer cache (CODESET_CACHE_MB, 0 turns it off) and how often it checks the graph for changes (CODESET_CACHE_CHECK_MS). */
  cache: CacheConfig | null;
}

export interface CacheConfig {
  maxBytes: number;
  checkIntervalMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(env[name])}`);
}

const BOLT_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

export function readNeo4jTarget(env: Env, prefix = 'NEO4J'): Neo4jTarget | null {
  const uri = env[`${prefix}_URI`]?.trim();
  if (!uri) return null;
  let scheme: string;
  try {
    scheme = new URL(uri).protocol;
  } catch {
    throw new ConfigError(`${prefix}_URI must be a URI such as neo4j+s://xxxx.databases.neo4j.io, got ${JSON.stringify(uri)}`);
  }
  if (!BOLT_SCHEMES.includes(scheme)) {
    throw new ConfigError(`${prefix}_URI must use one of ${BOLT_SCHEMES.join(' ')}, got ${JSON.stringify(uri)}`);
  }
  return {
    uri,
    user: env[`${prefix}_USER`] ?? 'neo4j',
    password: env[`${prefix}_PASSWORD`] ?? '',
    database: env[`${prefix}_DATABASE`] || 'neo4j',
  };
}

const MIN_KEY_LENGTH = 16;

/** CODESET_API_KEYS="alice=key-of-at-least-16-chars,bob=another-key-16-chars": who may call the curation mutations. */
export function readApiKeys(raw: string | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  for (const entry of (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    const name = at > 0 ? entry.slice(0, at).trim() : '';
    const key = at > 0 ? entry.slice(at + 1).trim() : '';
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(name)) throw new ConfigError(`CODESET_API_KEYS entries are name=key with a name of letters, digits, . _ @ -; got an entry starting ${JSON.stringify(entry.slice(0, 12))}`);
    if (key.length < MIN_KEY_LENGTH || /\s/.test(key)) throw new ConfigError(`CODESET_API_KEYS: the key of ${name} must be at least ${MIN_KEY_LENGTH} characters without spaces`);
    if (keys.has(key)) throw new ConfigError(`CODESET_API_KEYS: two names share one key (${name} and ${keys.get(key)})`);
    keys.set(key, name);
  }
  return keys;
}

export function loadConfig(env: Env = process.env): Config {
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    externalNeo4j: readNeo4jTarget(env),
    embedded: {
      home: path.resolve(PROJECT_ROOT, env.NEO4J_HOME?.trim() || '.data/neo4j'),
      boltPort: integer(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535),
    },
    neo4jConnectTimeoutMs: integer(env, 'NEO4J_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    neo4jQueryTimeoutMs: integer(env, 'NEO4J_QUERY_TIMEOUT_MS', 30_000, 100, 3_600_000),
    loadSampleWhenEmpty: flag(env, 'LOAD_SAMPLE_WHEN_EMPTY', true),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    apiKeys: readApiKeys(env.CODESET_API_KEYS),
    debugExtensions: flag(env, 'DEBUG_EXTENSIONS', false),
    cache: readCacheConfig(env),
  };
}

function readCacheConfig(env: Env): CacheConfig | null {
  const megabytes = integer(env, 'CODESET_CACHE_MB', 64, 0, 4096);
  const checkIntervalMs = integer(env, 'CODESET_CACHE_CHECK_MS', 1000, 100, 600_000);
  return megabytes === 0 ? null : { maxBytes: megabytes * 1024 * 1024, checkIntervalMs };
}

/** The target of the embedded Neo4j: no authentication, loopback only. */
export function embeddedTarget(embedded: EmbeddedNeo4jConfig): Neo4jTarget {
  return { uri: `bolt://127.0.0.1:${embedded.boltPort}`, user: 'neo4j', password: '', database: 'neo4j' };
}
