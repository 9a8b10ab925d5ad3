import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { CacheWatcher } from './cache/cache-watcher';
import { ReleaseCache } from './cache/release-cache';
import type { Logger } from './common/logger';
import type { CacheConfig } from './config';
import { callerFrom, createContext, type Context } from './context';
import { createFormatError } from './errors/format-error';
import { explorerRouter } from './explorer/explorer.route';
import { exportHandler } from './modules/pairing/pairing-export';
import { cacheMetrics, createMetrics, registerCacheGauges, type Metrics } from './observability/metrics';
import { requestMetricsPlugin } from './observability/request-metrics.plugin';
import type { CypherExecutor } from './neo4j/executor';

export interface ServiceDeps {
  schema: GraphQLSchema;
  executor: CypherExecutor;
  logger: Logger;
  /** Write credentials (API key -> name) for the curation mutations. */
  apiKeys?: ReadonlyMap<string, string>;
  /** Add `extensions.roundTrips` to every response (DEBUG_EXTENSIONS). */
  debugExtensions?: boolean;
  /** Answers whether Neo4j can serve queries now (for /health/ready). */
  databaseReady: () => Promise<boolean>;
  /** Keep answers of release data in a bounded cache, cleared when the graph changes (none when absent). */
  cache?: CacheConfig | null;
}

export interface ApolloOptions {
  httpServer?: http.Server;
  metrics?: Metrics;
  /** Add each response's Cypher round trips and database time to `extensions.roundTrips`. */
  debugExtensions?: boolean;
}

/** The Apollo server alone, for `executeOperation` in tests and for the HTTP app below. */
export function createApollo(schema: GraphQLSchema, logger: Logger, options: ApolloOptions = {}): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    plugins: [
      requestMetricsPlugin(options.metrics ?? null, { debug: options.debugExtensions ?? false }),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
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
  const httpServer = http.createServer(app);
  const metrics = createMetrics();
  const apollo = createApollo(deps.schema, deps.logger, { httpServer, metrics, debugExtensions: deps.debugExtensions });
  await apollo.start();
  const cache = deps.cache ? new ReleaseCache(deps.cache.maxBytes, cacheMetrics(metrics)) : null;
  const watcher = cache && deps.cache ? new CacheWatcher(deps.executor, cache, deps.cache.checkIntervalMs, (error) => deps.logger.warn({ err: error }, 'cache: could not read the graph generation')) : null;
  if (cache && watcher) {
    registerCacheGauges(metrics, cache);
    await watcher.check();
    watcher.start();
  }

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
  app.get('/export/justified-by.csv', exportHandler('justified-by', () => createContext(deps.executor)));
  app.get('/export/justifies.csv', exportHandler('justifies', () => createContext(deps.executor)));
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(deps.executor, callerFrom(req.headers, deps.apiKeys ?? new Map()), cache) }),
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
      watcher?.stop();
      await apollo.stop();
    },
  };
}
