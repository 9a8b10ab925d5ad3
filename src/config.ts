import path from 'node:path';
import type { Credential, Role } from './security/caller';
import { DEFAULT_SHAPE_LIMITS, type ShapeLimits } from './security/document-shape';

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
  /** Plan every read statement once at start (CODESET_WARM_QUERY_PLANS): `background` (default), `before-serving` or `off`. */
  warmQueryPlans: WarmQueryPlans;
  logLevel: string;
  /** Credentials: API key -> who holds it, with role and licence (CODESET_API_KEYS). */
  apiKeys: ReadonlyMap<string, Credential>;
  /** Return each request's Cypher round trips in `extensions.roundTrips` (DEBUG_EXTENSIONS). */
  debugExtensions: boolean;
  /** The answer cache (CODESET_CACHE_MB, 0 turns it off) and how often it checks the graph for changes (CODESET_CACHE_CHECK_MS). */
  cache: CacheConfig | null;
  /** production or development (CODESET_ENV, else NODE_ENV): sets the defaults below. */
  environment: 'production' | 'development';
  /** Answer requests that carry no API key, as readers (CODESET_ALLOW_ANONYMOUS, default true). */
  allowAnonymous: boolean;
  /** GraphQL introspection (CODESET_INTROSPECTION; default off in production). */
  introspection: boolean;
  /** Apollo's landing page (Sandbox) on GET /graphql (CODESET_LANDING_PAGE; default off in production). */
  landingPage: boolean;
  /** Origins allowed by CORS: '*' for any, or a list; empty for none (CODESET_CORS_ORIGINS). */
  corsOrigins: '*' | string[];
  /** How long a successful GET answer may be kept, in seconds (CODESET_HTTP_MAX_AGE; 0: no-store). */
  httpMaxAgeSeconds: number;
  /** The origin clients reach the service at, for absolute export links (CODESET_PUBLIC_URL); null: the request's own scheme and host. */
  publicUrl: string | null;
  limits: QueryLimits;
}

export interface CacheConfig {
  maxBytes: number;
  checkIntervalMs: number;
}

/** Cost limits checked before any Cypher runs, and the bounds on time a request may take. */
export interface QueryLimits extends ShapeLimits {
  /** Deepest field nesting of an operation (CODESET_MAX_DEPTH). */
  maxDepth: number;
  /** Highest estimated cost of an operation (CODESET_MAX_COMPLEXITY). */
  maxComplexity: number;
  /** Largest `first` any field accepts (CODESET_MAX_PAGE_SIZE); fields may allow less. */
  maxPageSize: number;
  /** Largest request body in bytes (CODESET_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Most lexical tokens in one GraphQL document, checked while parsing (CODESET_MAX_TOKENS). */
  maxTokens: number;
  /** Database time one request may use, summed over its round trips (CODESET_REQUEST_DB_BUDGET_MS); 0 for none. */
  requestDbBudgetMs: number;
  /** Round trips of one request in flight at once (CODESET_REQUEST_DB_CONCURRENCY); 0 means no limit. */
  requestDbConcurrency: number;
  /** Requests per minute one anonymous client (by address) may send (CODESET_ANON_RATE_LIMIT); 0 for no limit. */
  anonymousRatePerMinute: number;
  /** Rows an anonymous CSV export may stream (CODESET_ANON_EXPORT_ROWS); callers with a key have no cap. */
  anonymousExportRows: number;
  /** Time a client has to send the request headers (CODESET_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request, body included (CODESET_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<QueryLimits> = Object.freeze({
  ...DEFAULT_SHAPE_LIMITS,
  maxDepth: 15,
  maxComplexity: 20_000,
  maxPageSize: 1000,
  maxBodyBytes: 1_048_576,
  maxTokens: 5_000,
  requestDbBudgetMs: 10_000,
  requestDbConcurrency: 4,
  anonymousRatePerMinute: 6_000,
  anonymousExportRows: 10_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
});

// Who may call with which key is declared with the caller (src/security/caller.ts).
export type { Credential, Role };

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

export type WarmQueryPlans = 'background' | 'before-serving' | 'off';
const WARM_QUERY_PLANS: readonly WarmQueryPlans[] = ['background', 'before-serving', 'off'];

function warmQueryPlans(env: Env): WarmQueryPlans {
  const raw = env.CODESET_WARM_QUERY_PLANS?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'background';
  const known = WARM_QUERY_PLANS.find((mode) => mode === raw);
  if (!known)
    throw new ConfigError(`CODESET_WARM_QUERY_PLANS must be one of ${WARM_QUERY_PLANS.join(', ')}, got ${JSON.stringify(env.CODESET_WARM_QUERY_PLANS)}`);
  return known;
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
const ENTRY_SYNTAX = 'CODESET_API_KEYS entries are name=key or name:role[+licensed]=key (role reader or curator) with a name of letters, digits, . _ @ -';

/**
 * CODESET_API_KEYS="alice=key-of-16-chars-or-more,billing:reader+licensed=another-key-16-chars":
 * `name=key` is a curator (as before roles existed); `name:reader=key` may only query;
 * `name:curator=key` may also run the curation mutations; `+licensed` lets the holder see CPT
 * descriptor text loaded from a licensed AMA file.
 */
export function readApiKeys(raw: string | undefined): Map<string, Credential> {
  const keys = new Map<string, Credential>();
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf('=');
    const who = at > 0 ? entry.slice(0, at).trim() : '';
    const key = at > 0 ? entry.slice(at + 1).trim() : '';
    const parts = /^([A-Za-z0-9._@-]{1,64})(?::(reader|curator)(\+licensed)?)?$/.exec(who);
    if (!parts) throw new ConfigError(`${ENTRY_SYNTAX}; got an entry starting ${JSON.stringify(entry.slice(0, 12))}`);
    const name = parts[1];
    if (key.length < MIN_KEY_LENGTH || /\s/.test(key))
      throw new ConfigError(`CODESET_API_KEYS: the key of ${name} must be at least ${MIN_KEY_LENGTH} characters without spaces`);
    if (keys.has(key)) throw new ConfigError(`CODESET_API_KEYS: two names share one key (${name} and ${keys.get(key)!.name})`);
    keys.set(key, { name, role: (parts[2] as Role | undefined) ?? 'curator', licensed: parts[3] !== undefined });
  }
  return keys;
}

/** CODESET_CORS_ORIGINS: "*" (any origin), "none" or empty (no cross-origin access), or a comma list of origins. */
export function readCorsOrigins(raw: string | undefined, fallback: '*' | string[]): '*' | string[] {
  const value = raw?.trim();
  if (value === undefined || value === '') return fallback;
  if (value === '*') return '*';
  if (value.toLowerCase() === 'none') return [];
  return value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((origin) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        throw new ConfigError(`CODESET_CORS_ORIGINS must be *, none, or origins such as https://app.example.org; got ${JSON.stringify(origin)}`);
      }
      if (!['http:', 'https:'].includes(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
        throw new ConfigError(
          `CODESET_CORS_ORIGINS must be *, none, or origins such as https://app.example.org (scheme, host, port; no path); got ${JSON.stringify(origin)}`,
        );
      }
      return url.origin;
    });
}

/** CODESET_PUBLIC_URL: an http(s) URL with no query, e.g. https://codes.example.org or https://example.org/codeset; kept without a trailing slash. */
export function readPublicUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash)
    throw new ConfigError(`CODESET_PUBLIC_URL must be an http(s) URL without a query, such as https://codes.example.org; got ${JSON.stringify(value)}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function environment(env: Env): 'production' | 'development' {
  const raw = (env.CODESET_ENV?.trim() || env.NODE_ENV?.trim() || 'development').toLowerCase();
  if (raw === 'production') return 'production';
  if (['development', 'test'].includes(raw)) return 'development';
  throw new ConfigError(`CODESET_ENV must be production or development, got ${JSON.stringify(env.CODESET_ENV ?? env.NODE_ENV)}`);
}

export function loadConfig(env: Env = process.env): Config {
  const mode = environment(env);
  const production = mode === 'production';
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
    warmQueryPlans: warmQueryPlans(env),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    apiKeys: readApiKeys(env.CODESET_API_KEYS),
    debugExtensions: flag(env, 'DEBUG_EXTENSIONS', false),
    cache: readCacheConfig(env),
    environment: mode,
    allowAnonymous: flag(env, 'CODESET_ALLOW_ANONYMOUS', true),
    introspection: flag(env, 'CODESET_INTROSPECTION', !production),
    landingPage: flag(env, 'CODESET_LANDING_PAGE', !production),
    corsOrigins: readCorsOrigins(env.CODESET_CORS_ORIGINS, production ? [] : '*'),
    httpMaxAgeSeconds: integer(env, 'CODESET_HTTP_MAX_AGE', 60, 0, 86_400),
    publicUrl: readPublicUrl(env.CODESET_PUBLIC_URL),
    limits: {
      maxDepth: integer(env, 'CODESET_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 100),
      maxComplexity: integer(env, 'CODESET_MAX_COMPLEXITY', DEFAULT_LIMITS.maxComplexity, 10, 10_000_000),
      maxPageSize: integer(env, 'CODESET_MAX_PAGE_SIZE', DEFAULT_LIMITS.maxPageSize, 1, 1000),
      maxBodyBytes: integer(env, 'CODESET_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 1024, 100 * 1_048_576),
      maxTokens: integer(env, 'CODESET_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100, 1_000_000),
      maxAliases: integer(env, 'CODESET_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 1, 100_000),
      maxDirectives: integer(env, 'CODESET_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 1, 100_000),
      maxSelections: integer(env, 'CODESET_MAX_SELECTIONS', DEFAULT_LIMITS.maxSelections, 10, 10_000_000),
      maxSameName: integer(env, 'CODESET_MAX_SAME_NAME', DEFAULT_LIMITS.maxSameName, 1, 10_000),
      maxDefinitions: integer(env, 'CODESET_MAX_DEFINITIONS', DEFAULT_LIMITS.maxDefinitions, 1, 100_000),
      maxNesting: integer(env, 'CODESET_MAX_NESTING', DEFAULT_LIMITS.maxNesting, 2, 1_000),
      requestDbBudgetMs: integer(env, 'CODESET_REQUEST_DB_BUDGET_MS', DEFAULT_LIMITS.requestDbBudgetMs, 0, 3_600_000),
      requestDbConcurrency: integer(env, 'CODESET_REQUEST_DB_CONCURRENCY', DEFAULT_LIMITS.requestDbConcurrency, 0, 1_000),
      anonymousRatePerMinute: integer(env, 'CODESET_ANON_RATE_LIMIT', DEFAULT_LIMITS.anonymousRatePerMinute, 0, 10_000_000),
      anonymousExportRows: integer(env, 'CODESET_ANON_EXPORT_ROWS', DEFAULT_LIMITS.anonymousExportRows, 0, 100_000_000),
      headersTimeoutMs: integer(env, 'CODESET_HEADERS_TIMEOUT_MS', DEFAULT_LIMITS.headersTimeoutMs, 100, 600_000),
      requestTimeoutMs: integer(env, 'CODESET_REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs, 100, 3_600_000),
    },
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
