import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jTarget } from '../config';

export interface DriverOptions {
  connectTimeoutMs: number;
}

/** One driver per process; every connection setting that bounds waiting is derived from one value. */
export function createDriver(target: Neo4jTarget, options: DriverOptions): Driver {
  // No password: the embedded Neo4j, which runs without authentication on loopback.
  const auth = target.password ? neo4j.auth.basic(target.user, target.password) : undefined;
  return neo4j.driver(target.uri, auth, {
    connectionTimeout: options.connectTimeoutMs,
    connectionAcquisitionTimeout: options.connectTimeoutMs,
    maxTransactionRetryTime: options.connectTimeoutMs,
    disableLosslessIntegers: false,
    userAgent: 'codeset-graph/0.1',
  });
}
