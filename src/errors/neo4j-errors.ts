import { GraphQLError } from 'graphql';
import { DatabaseBudgetExceeded, DatabaseConflict, DatabaseError, DatabaseTimeout, DatabaseUnavailable } from '../domain/database-errors';
import { toDatabaseError } from '../neo4j/driver-errors';
import { conflict, databaseBudgetExceeded, databaseTimeout, internalError, serviceUnavailable } from './errors';

/**
 * The GraphQL face of an error: a domain DatabaseError as its ErrorCode (SERVICE_UNAVAILABLE,
 * DATABASE_TIMEOUT, CONFLICT; any other database failure is a masked INTERNAL_SERVER_ERROR), a
 * GraphQL error unchanged, anything else internal.
 */
export function graphQLErrorOf(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DatabaseError) {
    const cause = error.cause instanceof Error ? error.cause : error;
    if (error instanceof DatabaseUnavailable) return serviceUnavailable(error.message, cause);
    if (error instanceof DatabaseTimeout) return databaseTimeout(error.message, cause);
    if (error instanceof DatabaseConflict) return conflict(error.message);
    if (error instanceof DatabaseBudgetExceeded) return databaseBudgetExceeded(error.budgetMs, error.spentMs);
  }
  return internalError(error);
}

/** Maps anything thrown by neo4j-driver to a GraphQL error with a code from ErrorCode. */
export function toGraphQLError(error: unknown): GraphQLError {
  return graphQLErrorOf(toDatabaseError(error));
}
