import 'reflect-metadata';
import { describeError } from './common/describe-error';
import { logger } from './common/logger';
import { ConfigError, loadConfig } from './config';
import { formatSummary } from './import/import-runner';
import { loadSampleIfNeeded } from './import/seed';
import { connect, type Connection } from './neo4j/connect';
import { applySchema } from './neo4j/migrate';
import { warmQueryPlans, type WarmUpReport } from './neo4j/plan-warm-up';
import { createSchema } from './schema';
import { startService, type RunningService } from './server';

/** Longest a SIGTERM or SIGINT may take to drain and exit (the HTTP drain itself gives up after 5 s). */
const SHUTDOWN_DEADLINE_MS = 9_000;

/** npm start: Neo4j (embedded unless NEO4J_URI is set), schema, sample data when needed, GraphQL. */
async function main(): Promise<void> {
  const config = loadConfig();
  let neo4j: Connection | null = null;
  let service: RunningService | null = null;
  let stopping = false;
  const shutdown = async (signal: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, closing the driver, stopping Neo4j');
    // Whatever is still in flight, the process is gone within 10 s of the signal.
    setTimeout(() => {
      logger.error('shutdown did not finish within 10 s: exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    try {
      await service?.stop();
      await neo4j?.close();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      exitCode = 1;
    }
    process.exit(exitCode);
  };
  // Installed first, so a Ctrl-C during start-up also stops the Neo4j this process started.
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    neo4j = await connect(config, (line) => logger.info(line));
    logger.info(
      { uri: neo4j.target.uri, database: neo4j.target.database, embedded: !config.externalNeo4j, startedSeconds: neo4j.startMillis / 1000 },
      'Neo4j ready',
    );
    await applySchema(neo4j.executor);
    if (config.loadSampleWhenEmpty) {
      const summary = await loadSampleIfNeeded(neo4j.executor);
      if (summary) logger.info(`loaded the bundled sample\n${formatSummary(summary)}`);
    }
    if (config.warmQueryPlans === 'before-serving') {
      logWarmUp(await warmQueryPlans(neo4j.executor, undefined, () => stopping));
      if (stopping) return;
    }
    service = await startService(
      {
        schema: await createSchema(),
        executor: neo4j.executor,
        logger,
        databaseReady: neo4j.isReady,
        apiKeys: config.apiKeys,
        allowAnonymous: config.allowAnonymous,
        debugExtensions: config.debugExtensions,
        limits: config.limits,
        introspection: config.introspection,
        landingPage: config.landingPage,
        corsOrigins: config.corsOrigins,
        cache: config.cache,
        httpMaxAgeSeconds: config.httpMaxAgeSeconds,
        publicUrl: config.publicUrl,
      },
      config.host,
      config.port,
    );
  } catch (error) {
    if (stopping) return;
    stopping = true;
    await neo4j?.close().catch(() => {});
    throw error;
  }
  logger.info(`GraphQL ready at ${service.url}`);
  if (config.warmQueryPlans === 'background') {
    const executor = neo4j.executor;
    void warmQueryPlans(executor, undefined, () => stopping)
      .then((report) => !stopping && logWarmUp(report))
      .catch((error: unknown) => logger.warn({ err: error }, 'query plans not warmed'));
  }
  console.log(
    `\n  codeset-graph is serving GraphQL at ${service.url}\n  and the explorer at ${service.url.replace(/\/graphql$/, '/explore')}\n  (Ctrl-C stops it${neo4j.ownsNeo4j ? ' and the Neo4j it started' : ''})\n`,
  );
}

function logWarmUp(report: WarmUpReport): void {
  const line = `planned ${report.planned} statements in ${(report.millis / 1000).toFixed(1)} s`;
  if (report.failed.length > 0) logger.warn({ failed: report.failed }, `query plans warmed: ${line}, ${report.failed.length} failed`);
  else logger.info(`query plans warmed: ${line}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : `codeset-graph could not start: ${describeError(error)}`);
  process.exit(1);
});
