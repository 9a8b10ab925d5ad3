import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/error-code';
import { toGraphQLError } from '../../src/errors/neo4j-errors';

const neo4jError = (code: string) => new Neo4jError('boom', code, 'gql', 'description');

describe('toGraphQLError', () => {
  it('maps a driver that cannot reach the server to SERVICE_UNAVAILABLE', () => {
    expect(toGraphQLError(neo4jError('ServiceUnavailable')).extensions.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(toGraphQLError(neo4jError('SessionExpired')).extensions.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it('maps the driver pool running out of connections, or closed for shutdown, to SERVICE_UNAVAILABLE', () => {
    const busy = toGraphQLError(
      new Neo4jError('Connection acquisition timed out in 1000 ms. Pool status: Active conn count = 26, Idle conn count = 4.', 'N/A', 'gql', 'description'),
    );
    expect(busy.extensions.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(busy.message).toBe('The graph database is busy or shutting down: no connection was free in time; retry shortly');
    expect(toGraphQLError(new Neo4jError('Pool is closed, it is no more able to serve requests.', 'N/A', 'gql', 'description')).extensions.code).toBe(
      ErrorCode.SERVICE_UNAVAILABLE,
    );
  });

  it("says the service's own credentials were refused, as SERVICE_UNAVAILABLE rather than the caller's fault", () => {
    const error = toGraphQLError(neo4jError('Neo.ClientError.Security.Unauthorized'));
    expect(error.extensions.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(error.message).toContain('NEO4J_USER / NEO4J_PASSWORD');
  });

  it('treats a plain error that merely mentions connecting as internal, not as an outage', () => {
    expect(toGraphQLError(new Error('could not connect the dots')).extensions.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
  });

  it('maps a transaction timeout to DATABASE_TIMEOUT', () => {
    expect(toGraphQLError(neo4jError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')).extensions.code).toBe(ErrorCode.DATABASE_TIMEOUT);
  });

  it('maps a Cypher syntax error to a masked INTERNAL_SERVER_ERROR', () => {
    const error = toGraphQLError(neo4jError('Neo.ClientError.Statement.SyntaxError'));
    expect(error.extensions.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    expect(error.message).toBe('Internal server error');
  });

  it('passes a GraphQL error through unchanged', () => {
    const original = new GraphQLError('x', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
    expect(toGraphQLError(original)).toBe(original);
  });
});
