import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('uses the embedded Neo4j on port 7687 and GraphQL on port 4000 when nothing is set', () => {
    const config = loadConfig({});
    expect(config.externalNeo4j).toBeNull();
    expect(config.embedded.boltPort).toBe(7687);
    expect(config.port).toBe(4000);
  });

  it('uses the server from NEO4J_URI, routing schemes included', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'codes' });
    expect(config.externalNeo4j).toEqual({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'reader', password: 'pw', database: 'codes' });
  });

  it('rejects a NEO4J_URI with a scheme the driver does not speak, naming the value', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(
      new ConfigError('NEO4J_URI must use one of bolt: bolt+s: bolt+ssc: neo4j: neo4j+s: neo4j+ssc:, got "http://localhost:7474"'),
    );
  });

  it('rejects a PORT that is not a port number, naming the value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a whole number from 0 to 65535, got "eighty"');
    expect(() => loadConfig({ NEO4J_BOLT_PORT: '70000' })).toThrow('NEO4J_BOLT_PORT must be a whole number from 1 to 65535, got "70000"');
  });

  it('rejects a flag that is neither true nor false', () => {
    expect(() => loadConfig({ LOAD_SAMPLE_WHEN_EMPTY: 'maybe' })).toThrow('LOAD_SAMPLE_WHEN_EMPTY must be true or false, got "maybe"');
  });

  it('plans the statements in the background by default, before serving or not at all when CODESET_WARM_QUERY_PLANS says so', () => {
    expect(loadConfig({}).warmQueryPlans).toBe('background');
    expect(loadConfig({ CODESET_WARM_QUERY_PLANS: ' Before-Serving ' }).warmQueryPlans).toBe('before-serving');
    expect(loadConfig({ CODESET_WARM_QUERY_PLANS: 'off' }).warmQueryPlans).toBe('off');
    expect(() => loadConfig({ CODESET_WARM_QUERY_PLANS: 'later' })).toThrow(
      'CODESET_WARM_QUERY_PLANS must be one of background, before-serving, off, got "later"',
    );
  });

  it('keeps a 64 MB answer cache checked every second by default, sized by CODESET_CACHE_MB and off at 0', () => {
    expect(loadConfig({}).cache).toEqual({ maxBytes: 64 * 1024 * 1024, checkIntervalMs: 1000 });
    expect(loadConfig({ CODESET_CACHE_MB: '8', CODESET_CACHE_CHECK_MS: '250' }).cache).toEqual({ maxBytes: 8 * 1024 * 1024, checkIntervalMs: 250 });
    expect(loadConfig({ CODESET_CACHE_MB: '0' }).cache).toBeNull();
    expect(() => loadConfig({ CODESET_CACHE_MB: 'lots' })).toThrow('CODESET_CACHE_MB must be a whole number from 0 to 4096, got "lots"');
    expect(() => loadConfig({ CODESET_CACHE_CHECK_MS: '5' })).toThrow('CODESET_CACHE_CHECK_MS must be a whole number from 100 to 600000, got "5"');
  });

  it('turns introspection and the landing page on, and allows any CORS origin, in development', () => {
    const config = loadConfig({});
    expect(config.environment).toBe('development');
    expect(config.introspection).toBe(true);
    expect(config.landingPage).toBe(true);
    expect(config.corsOrigins).toBe('*');
  });

  it('turns introspection, the landing page and cross-origin access off by default in production (NODE_ENV or CODESET_ENV)', () => {
    for (const env of [{ NODE_ENV: 'production' }, { CODESET_ENV: 'production', NODE_ENV: 'development' }]) {
      const config = loadConfig(env);
      expect(config.environment).toBe('production');
      expect(config.introspection).toBe(false);
      expect(config.landingPage).toBe(false);
      expect(config.corsOrigins).toEqual([]);
    }
  });

  it('lets each production default be overridden', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      CODESET_INTROSPECTION: 'true',
      CODESET_LANDING_PAGE: 'yes',
      CODESET_CORS_ORIGINS: 'https://app.example.org, http://localhost:3000',
    });
    expect(config.introspection).toBe(true);
    expect(config.landingPage).toBe(true);
    expect(config.corsOrigins).toEqual(['https://app.example.org', 'http://localhost:3000']);
  });

  it('reads CODESET_CORS_ORIGINS as *, none, or a list of origins, and rejects a URL with a path', () => {
    expect(loadConfig({ CODESET_CORS_ORIGINS: '*', NODE_ENV: 'production' }).corsOrigins).toBe('*');
    expect(loadConfig({ CODESET_CORS_ORIGINS: 'none' }).corsOrigins).toEqual([]);
    expect(() => loadConfig({ CODESET_CORS_ORIGINS: 'https://app.example.org/graphql' })).toThrow(
      'CODESET_CORS_ORIGINS must be *, none, or origins such as https://app.example.org (scheme, host, port; no path); got "https://app.example.org/graphql"',
    );
    expect(() => loadConfig({ CODESET_CORS_ORIGINS: 'example.org' })).toThrow(
      'CODESET_CORS_ORIGINS must be *, none, or origins such as https://app.example.org; got "example.org"',
    );
  });

  it('keeps GET answers 60 s by default (CODESET_HTTP_MAX_AGE, 0 for no-store) and reads CODESET_PUBLIC_URL without its trailing slash, rejecting one with a query (issue 18)', () => {
    expect(loadConfig({}).httpMaxAgeSeconds).toBe(60);
    expect(loadConfig({ CODESET_HTTP_MAX_AGE: '0' }).httpMaxAgeSeconds).toBe(0);
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ CODESET_PUBLIC_URL: 'https://codes.example.org/' }).publicUrl).toBe('https://codes.example.org');
    expect(loadConfig({ CODESET_PUBLIC_URL: 'https://example.org/codeset/' }).publicUrl).toBe('https://example.org/codeset');
    expect(() => loadConfig({ CODESET_PUBLIC_URL: 'https://example.org/?a=1' })).toThrow(
      'CODESET_PUBLIC_URL must be an http(s) URL without a query, such as https://codes.example.org; got "https://example.org/?a=1"',
    );
    expect(() => loadConfig({ CODESET_PUBLIC_URL: 'codes.example.org' })).toThrow(ConfigError);
  });

  it('rejects an environment other than production or development', () => {
    expect(() => loadConfig({ CODESET_ENV: 'staging' })).toThrow('CODESET_ENV must be production or development, got "staging"');
  });

  it('uses the documented limits by default and reads each from its variable', () => {
    const defaults = {
      maxDepth: 15,
      maxComplexity: 20_000,
      maxPageSize: 1000,
      maxBodyBytes: 1_048_576,
      maxTokens: 5_000,
      maxAliases: 100,
      maxDirectives: 50,
      maxSelections: 5_000,
      maxSameName: 20,
      maxDefinitions: 100,
      maxNesting: 40,
      requestDbBudgetMs: 10_000,
      requestDbConcurrency: 4,
      anonymousRatePerMinute: 6_000,
      anonymousExportRows: 10_000,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 15_000,
    };
    expect(loadConfig({}).limits).toEqual(defaults);
    expect(
      loadConfig({
        CODESET_MAX_DEPTH: '8',
        CODESET_MAX_COMPLEXITY: '5000',
        CODESET_MAX_PAGE_SIZE: '100',
        CODESET_MAX_BODY_BYTES: '65536',
        CODESET_MAX_TOKENS: '2000',
        CODESET_MAX_ALIASES: '10',
        CODESET_MAX_DIRECTIVES: '5',
        CODESET_MAX_SELECTIONS: '500',
        CODESET_MAX_SAME_NAME: '3',
        CODESET_MAX_DEFINITIONS: '7',
        CODESET_MAX_NESTING: '12',
        CODESET_REQUEST_DB_BUDGET_MS: '2000',
        CODESET_REQUEST_DB_CONCURRENCY: '8',
        CODESET_ANON_RATE_LIMIT: '0',
        CODESET_ANON_EXPORT_ROWS: '50',
        CODESET_HEADERS_TIMEOUT_MS: '1000',
        CODESET_REQUEST_TIMEOUT_MS: '2000',
      }).limits,
    ).toEqual({
      maxDepth: 8,
      maxComplexity: 5000,
      maxPageSize: 100,
      maxBodyBytes: 65_536,
      maxTokens: 2000,
      maxAliases: 10,
      maxDirectives: 5,
      maxSelections: 500,
      maxSameName: 3,
      maxDefinitions: 7,
      maxNesting: 12,
      requestDbBudgetMs: 2000,
      requestDbConcurrency: 8,
      anonymousRatePerMinute: 0,
      anonymousExportRows: 50,
      headersTimeoutMs: 1000,
      requestTimeoutMs: 2000,
    });
    expect(() => loadConfig({ CODESET_MAX_PAGE_SIZE: '5000' })).toThrow('CODESET_MAX_PAGE_SIZE must be a whole number from 1 to 1000, got "5000"');
  });

  it('allows anonymous readers unless CODESET_ALLOW_ANONYMOUS is false', () => {
    expect(loadConfig({}).allowAnonymous).toBe(true);
    expect(loadConfig({ CODESET_ALLOW_ANONYMOUS: 'false' }).allowAnonymous).toBe(false);
  });
});
