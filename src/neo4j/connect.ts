import type { Driver } from 'neo4j-driver';
import { embeddedTarget, type Config, type Neo4jTarget } from '../config';
import { CircuitBreaker } from './circuit-breaker';
import { CypherLibrary } from './cypher-library';
import { createDriver } from './driver';
import { startEmbeddedNeo4j, stopEmbeddedNeo4j } from './embedded';
import { CypherExecutor } from './executor';

export interface Connection {
  target: Neo4jTarget;
  driver: Driver;
  executor: CypherExecutor;
  /** True when this process started the embedded Neo4j (and so stops it in close()). */
  ownsNeo4j: boolean;
  startMillis: number;
  /** Open while Neo4j is unreachable: queries fail at once and a background probe watches for its return. */
  breaker: CircuitBreaker;
  isReady: () => Promise<boolean>;
  close: () => Promise<void>;
}

/**
 * The server from NEO4J_URI when set; otherwise the embedded Neo4j, started unless it already runs.
 * Fails with a message naming the URI when Neo4j does not answer.
 */
export async function connect(config: Config, log: (line: string) => void = () => {}): Promise<Connection> {
  let target: Neo4jTarget;
  let ownsNeo4j = false;
  let startMillis = 0;
  if (config.externalNeo4j) {
    target = config.externalNeo4j;
  } else {
    const started = await startEmbeddedNeo4j(config.embedded, { log });
    target = embeddedTarget(config.embedded);
    ownsNeo4j = started.startedByUs;
    startMillis = started.millis;
  }
  const stopNeo4j = async () => {
    if (ownsNeo4j) await stopEmbeddedNeo4j(config.embedded.home);
  };
  const driver = createDriver(target, { connectTimeoutMs: config.neo4jConnectTimeoutMs });
  const isReady = () =>
    driver.getServerInfo({ database: target.database }).then(
      () => true,
      () => false,
    );
  try {
    await driver.getServerInfo({ database: target.database });
  } catch (error) {
    await driver.close();
    await stopNeo4j();
    throw new Error(`cannot reach Neo4j at ${target.uri} (database ${target.database}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const breaker = new CircuitBreaker(() => probeOnce(driver, target.database, PROBE_TIMEOUT_MS), {
    probeIntervalMs: PROBE_INTERVAL_MS,
    onChange: (state) =>
      log(
        state === 'open'
          ? `Neo4j at ${target.uri} is unreachable: failing fast, probing every ${PROBE_INTERVAL_MS} ms`
          : `Neo4j at ${target.uri} answers again`,
      ),
  });
  const executor = new CypherExecutor(driver, target.database, new CypherLibrary(), config.neo4jQueryTimeoutMs).withGuards({ breaker });
  return {
    target,
    driver,
    executor,
    ownsNeo4j,
    startMillis,
    breaker,
    isReady,
    close: async () => {
      breaker.stop();
      await driver.close();
      await stopNeo4j();
    },
  };
}

/** How often the circuit breaker asks a down Neo4j whether it is back, and how long one ask may take. */
const PROBE_INTERVAL_MS = 250;
const PROBE_TIMEOUT_MS = 1_000;

/** One cheap round trip (the server's info), failing after `timeoutMs` however the network behaves. */
export async function probeOnce(driver: Driver, database: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      driver.getServerInfo({ database }),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from Neo4j within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
