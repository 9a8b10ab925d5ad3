import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { CacheWatcher } from './cache/cache-watcher';
import { notModified, type GenerationSource } from './cache/http-caching';
import { httpCachingPlugin } from './cache/http-caching.plugin';
import { ReleaseCache } from './cache/release-cache';
import type { Logger } from './common/logger';
import { DEFAULT_LIMITS, type CacheConfig, type Credential, type QueryLimits } from './config';
import type { Context } from './context';
import { createContext } from './request-context';
import { authenticate } from './security/caller';
import { createFormatError } from './errors/format-error';
import { explorerRouter } from './explorer/explorer.route';
import { exportHandler } from './modules/pairing/pairing-export';
import { cacheMetrics, createMetrics, registerCacheGauges, watchEventLoop, type Metrics } from './observability/metrics';
import { requestMetricsPlugin } from './observability/request-metrics.plugin';
import type { CypherExecutor } from './neo4j/executor';
import { ErrorCode } from './errors/error-code';
import { bodyErrors, corsFor, earlyPayloadLimit, requestLog, securityHeaders, slowClientTimeouts } from './security/http-hardening';
import { anonymousRateLimit } from './security/rate-limit';
import { documentGate } from './security/document-gate';
import { mutationCredentialPlugin } from './security/mutation-credential.plugin';
import { queryLimitsPlugin } from './security/query-limits.plugin';

export interface ServiceDeps {
  schema: GraphQLSchema;
  executor: CypherExecutor;
  logger: Logger;
  /** Credentials (API key -> name, role, licence). */
  apiKeys?: ReadonlyMap<string, Credential>;
  /** Answer requests without an API key (as readers); default true. */
  allowAnonymous?: boolean;
  /** Origins allowed by CORS; default '*' (any). */
  corsOrigins?: '*' | string[];
  /** Add `extensions.roundTrips` to every response (DEBUG_EXTENSIONS). */
  debugExtensions?: boolean;
  /** Answers whether Neo4j can serve queries now (for /health/ready). */
  databaseReady: () => Promise<boolean>;
  /** Keep answers of release data in a bounded cache, cleared when the graph changes (none when absent). */
  cache?: CacheConfig | null;
  limits?: QueryLimits;
  /** GraphQL introspection; default true (the development default). */
  introspection?: boolean;
  /** Apollo's landing page on GET /graphql; default true (the development default). */
  landingPage?: boolean;
  /** How long a successful GET answer may be kept (Cache-Control max-age, seconds); default 60, 0 for no-store. */
  httpMaxAgeSeconds?: number;
  /** The public origin for absolute export links; default: the scheme and host each request came to. */
  publicUrl?: string | null;
}

export interface ApolloOptions {
  httpServer?: http.Server;
  metrics?: Metrics;
  /** Add each response's Cypher round trips and database time to `extensions.roundTrips`. */
  debugExtensions?: boolean;
  /** Depth, complexity and page-size limits checked before execution; DEFAULT_LIMITS when absent. */
  limits?: QueryLimits;
  /** Default true. Off, introspection is refused and "did you mean" suggestions are left out. */
  introspection?: boolean;
  /** Default true (Apollo's local Sandbox page on GET /graphql). */
  landingPage?: boolean;
  /** Cache-Control and ETag of GET answers, tied to this generation; without it every answer is no-store. */
  httpCaching?: { source: GenerationSource; maxAgeSeconds: number };
}

/** The Apollo server alone, for `executeOperation` in tests and for the HTTP app below. */
export function createApollo(schema: GraphQLSchema, logger: Logger, options: ApolloOptions = {}): ApolloServer<Context> {
  const introspection = options.introspection ?? true;
  const limits = options.limits ?? DEFAULT_LIMITS;
  return new ApolloServer<Context>({
    schema,
    // Parsing and validating a huge document costs CPU before any limit below can look at it.
    parseOptions: { maxLexicalTokens: limits.maxTokens },
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection,
    plugins: [
      mutationCredentialPlugin<Context>(),
      queryLimitsPlugin<Context>(limits),
      requestMetricsPlugin(options.metrics ?? null, { debug: options.debugExtensions ?? false }),
      // This service sets Cache-Control itself (httpCachingPlugin), so Apollo's plugin is off.
      ApolloServerPluginCacheControlDisabled(),
      httpCachingPlugin<Context>(
        options.httpCaching?.source ?? { generation: () => null },
        options.httpCaching?.maxAgeSeconds ?? 0,
        (context) => context.publicBase,
      ),
      (options.landingPage ?? true) ? ApolloServerPluginLandingPageLocalDefault({ footer: false }) : ApolloServerPluginLandingPageDisabled(),
      ...(introspection ? [] : [ApolloServerPluginDisableSuggestions()]),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: 5_000 })] : []),
    ],
  });
}

export interface RunningService {
  url: string;
  httpServer: http.Server;
  /** The answer cache, when the service has one. */
  cache: ReleaseCache | null;
  stop: () => Promise<void>;
}

/** Serves GraphQL at /graphql, the explorer page at /explore, CSV exports under /export/, Prometheus metrics at /metrics, and health checks at /health/live and /health/ready. */
export async function startService(deps: ServiceDeps, host: string, port: number): Promise<RunningService> {
  const app = express();
  app.disable('x-powered-by');
  // GraphQL GET answers carry the generation's entity tag (src/cache/http-caching.ts); Express's body digest would tag errors too.
  app.set('etag', false);
  const limits = deps.limits ?? DEFAULT_LIMITS;
  // Node checks the header and request deadlines every connectionsCheckingInterval: keep it short.
  const httpServer = http.createServer({ connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs) }, app);
  slowClientTimeouts(httpServer, limits);
  const metrics = createMetrics();
  const eventLoop = watchEventLoop(metrics);
  const landingPage = deps.landingPage ?? true;
  const cache = deps.cache ? new ReleaseCache(deps.cache.maxBytes, cacheMetrics(metrics)) : null;
  // Reads the graph's generation: clears the answer cache on a change and ties the HTTP entity tags to it.
  const watcher = new CacheWatcher(deps.executor, cache, deps.cache?.checkIntervalMs ?? 1_000, (error) =>
    deps.logger.warn({ err: error }, 'cache: could not read the graph generation'),
  );
  const maxAgeSeconds = deps.httpMaxAgeSeconds ?? 60;
  const apollo = createApollo(deps.schema, deps.logger, {
    httpServer,
    metrics,
    debugExtensions: deps.debugExtensions,
    limits,
    introspection: deps.introspection ?? true,
    landingPage,
    httpCaching: { source: watcher, maxAgeSeconds },
  });
  await apollo.start();
  if (cache) {
    registerCacheGauges(metrics, cache);
    // The cache must know the generation before its first answer; the tags alone can wait for the read.
    await watcher.check();
  } else void watcher.check();
  watcher.start();
  const apiKeys = deps.apiKeys ?? new Map<string, Credential>();
  const allowAnonymous = deps.allowAnonymous ?? true;
  // Who calls, once per request; with anonymous access off, a missing or unknown key is a 401 (src/security/caller.ts).
  const callerOf = (headers: http.IncomingHttpHeaders) => authenticate(headers, apiKeys, allowAnonymous);
  /** GraphQL answers go through the answer cache; the CSV exports, which read every page once, do not. */
  /** Where this request's absolute links point: CODESET_PUBLIC_URL, else the scheme and host it came to. */
  const publicBase = (req: express.Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const requestContext = (req: express.Request, answers: ReleaseCache | null = null, databaseBudgetMs: number | null = null) =>
    createContext(deps.executor, callerOf(req.headers), answers, {
      databaseBudgetMs,
      databaseConcurrency: limits.requestDbConcurrency || null,
      publicBase: publicBase(req),
    });
  const refused = (code: ErrorCode, limit: string) => {
    metrics.errors.inc({ code });
    metrics.refusals.inc({ limit });
  };

  app.use(requestLog(deps.logger));
  // gzip or Brotli, as the client accepts, for GraphQL answers, exports and the explorer (responses over 1 kB).
  app.use(compression());
  app.use(securityHeaders(landingPage));
  // Health and metrics stay outside the rate limit: probes must always get through.

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ready = await deps.databaseReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', neo4j: ready ? 'up' : 'down' });
  });
  app.use('/explore', explorerRouter());
  const rateLimit = anonymousRateLimit(limits.anonymousRatePerMinute, apiKeys, () => refused(ErrorCode.RATE_LIMITED, 'CODESET_ANON_RATE_LIMIT'));
  // Browsers on other origins may fetch the exports and read their row count.
  const exportCors = corsFor(deps.corsOrigins ?? '*', ['X-Total-Count', 'Content-Disposition']);
  app.get(
    '/export/justified-by.csv',
    exportCors,
    rateLimit,
    exportHandler('justified-by', (req) => requestContext(req), limits.anonymousExportRows),
  );
  app.get(
    '/export/justifies.csv',
    exportCors,
    rateLimit,
    exportHandler('justifies', (req) => requestContext(req), limits.anonymousExportRows),
  );
  app.use(
    '/graphql',
    corsFor(deps.corsOrigins ?? '*'),
    rateLimit,
    notModified(watcher, maxAgeSeconds, publicBase),
    earlyPayloadLimit(limits.maxBodyBytes, () => refused(ErrorCode.PAYLOAD_TOO_LARGE, 'CODESET_MAX_BODY_BYTES')),
    express.json({ limit: limits.maxBodyBytes }),
    bodyErrors(limits.maxBodyBytes),
    documentGate(limits, limits.maxTokens, refused),
    expressMiddleware(apollo, { context: async ({ req }) => requestContext(req, cache, limits.requestDbBudgetMs || null) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${actualPort}/graphql`,
    httpServer,
    cache,
    stop: async () => {
      watcher.stop();
      eventLoop.disable();
      await apollo.stop();
    },
  };
}
