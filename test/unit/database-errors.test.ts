import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { logger } from '../../src/common/logger';
import { DatabaseConflict, DatabaseFailure, DatabaseTimeout, DatabaseUnavailable } from '../../src/domain/database-errors';
import { createFormatError } from '../../src/errors/format-error';
import { toDatabaseError } from '../../src/neo4j/driver-errors';

const neo4jError = (code: string) => new Neo4jError('boom', code, 'gql', 'description');
const formatError = createFormatError(logger.child({}, { level: 'silent' }));

/** As Apollo hands a resolver's error to formatError: wrapped in a GraphQLError, code not yet known. */
function formatted(error: Error) {
  const wrapped = new GraphQLError(error.message, { originalError: error, path: ['code'] });
  return formatError({ message: error.message, path: ['code'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
}

describe('toDatabaseError', () => {
  it('classifies the driver errors as domain errors, with no GraphQL in them', () => {
    expect(toDatabaseError(neo4jError('ServiceUnavailable'))).toBeInstanceOf(DatabaseUnavailable);
    expect(toDatabaseError(neo4jError('Neo.ClientError.Transaction.TransactionTimedOut'))).toBeInstanceOf(DatabaseTimeout);
    expect(toDatabaseError(neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed'))).toBeInstanceOf(DatabaseConflict);
    expect(toDatabaseError(neo4jError('Neo.ClientError.Statement.SyntaxError'))).toBeInstanceOf(DatabaseFailure);
    expect(toDatabaseError(neo4jError('ServiceUnavailable'))).not.toBeInstanceOf(GraphQLError);
  });

  it('passes an error that does not come from the driver through unchanged', () => {
    const own = new RangeError('thrown by the transaction work');
    expect(toDatabaseError(own)).toBe(own);
  });
});

describe('formatError on the domain errors the executor raises', () => {
  it('gives DatabaseUnavailable the code SERVICE_UNAVAILABLE and its message', () => {
    expect(formatted(new DatabaseUnavailable('The graph database is not reachable right now; retry shortly'))).toEqual({
      message: 'The graph database is not reachable right now; retry shortly',
      path: ['code'],
      locations: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('gives DatabaseTimeout the code DATABASE_TIMEOUT and DatabaseConflict the code CONFLICT', () => {
    expect(formatted(new DatabaseTimeout('too long')).extensions).toEqual({ code: 'DATABASE_TIMEOUT' });
    expect(formatted(new DatabaseConflict('written at the same time')).extensions).toEqual({ code: 'CONFLICT' });
  });

  it('masks any other database failure as INTERNAL_SERVER_ERROR', () => {
    expect(formatted(new DatabaseFailure('Neo4j error Neo.ClientError.Statement.SyntaxError: boom'))).toEqual({
      message: 'Internal server error',
      path: ['code'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
