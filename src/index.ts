import 'reflect-metadata';
import { logger } from './common/logger';
import { ConfigError, loadConfig } from './config';
import { formatSummary } from './import/import-runner';
import { loadSampleIfEmpty } from './import/seed';
import { connect } from './neo4j/connect';
import { applySchema } from './neo4j/migrate';
import { createSchema } from './schema';
import { startService } from './server';

/** npm start: Neo4j (embedded unless NEO4J_URI is set), schema, sample data when empty, GraphQL. */
async function main(): Promise<void> {
  const config = loadConfig();
  const neo4j = await connect(config, (line) => logger.info(line));
  logger.info(
    { uri: neo4j.target.uri, database: neo4j.target.database, embedded: !config.externalNeo4j, startedSeconds: neo4j.startMillis / 1000 },
    'Neo4j ready',
  );
  try {
    await applySchema(neo4j.executor);
    if (config.loadSampleWhenEmpty) {
      const summary = await loadSampleIfEmpty(neo4j.executor);
      if (summary) logger.info(`graph was empty: loaded the bundled sample\n${formatSummary(summary)}`);
    }
  } catch (error) {
    await neo4j.close();
    throw error;
  }

  const service = await startService(
    { schema: await createSchema(), executor: neo4j.executor, logger, databaseReady: neo4j.isReady },
    config.host,
    config.port,
  );
  logger.info(`GraphQL ready at ${service.url}`);
  console.log(`\n  codeset-graph is serving GraphQL at ${service.url}\n  (Ctrl-C stops it${neo4j.ownsNeo4j ? ' and the Neo4j it started' : ''})\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, closing the driver, stopping Neo4j');
    try {
      await service.stop();
      await neo4j.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
