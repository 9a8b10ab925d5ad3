import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { DatabaseConflict, DatabaseFailure, DatabaseTimeout, DatabaseUnavailable } from '../domain/database-errors';

/** Neo4j status codes (and driver codes) that mean "the database cannot serve this now". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);

/** The service's own credentials were refused: not the caller's fault, and not fixed by retrying. */
const CREDENTIAL_CODES = new Set(['Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit']);

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/**
 * Classifies anything neo4j-driver throws as a domain DatabaseError. Anything else (an error thrown
 * by the caller's own transaction work) passes through unchanged.
 */
export function toDatabaseError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (TIMEOUT_CODES.has(error.code)) {
    return new DatabaseTimeout('The query took longer than the configured Neo4j transaction timeout', error);
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new DatabaseConflict(
      'The write conflicts with data written at the same time (a uniqueness constraint refused it); read again and retry if still needed',
      error,
    );
  }
  if (CREDENTIAL_CODES.has(error.code)) {
    return new DatabaseUnavailable("The graph database refused this service's credentials; the operator must fix NEO4J_USER / NEO4J_PASSWORD", error);
  }
  // Raised by the driver's own connection pool, with no server status code.
  if (error.message.startsWith('Connection acquisition timed out') || error.message.startsWith('Pool is closed')) {
    return new DatabaseUnavailable('The graph database is busy or shutting down: no connection was free in time; retry shortly', error);
  }
  if (UNAVAILABLE_CODES.has(error.code) || isRetryableError(error)) {
    return new DatabaseUnavailable('The graph database is not reachable right now; retry shortly', error);
  }
  return new DatabaseFailure(`Neo4j error ${error.code}: ${error.message}`, error);
}
