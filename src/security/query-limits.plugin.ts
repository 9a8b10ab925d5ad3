import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { QueryLimits } from '../config';
import { ErrorCode } from '../errors/error-code';
import { limitExceeded } from '../errors/errors';
import { checkOperation } from './query-limits';

/**
 * Refuses, before any resolver (and so before any Cypher) runs, an operation that nests deeper
 * than maxDepth (QUERY_TOO_DEEP), asks a page over maxPageSize (BAD_USER_INPUT) or whose estimated
 * cost is over maxComplexity (QUERY_TOO_COMPLEX). All answer HTTP 400. A subscription (this
 * schema has none) is BAD_REQUEST rather than an execution failure.
 */
export function queryLimitsPlugin<T extends object>(limits: QueryLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo itself answers an operation it cannot resolve
          if (operation.operation === 'subscription' && !schema.getSubscriptionType()) {
            throw new GraphQLError('This service has no subscriptions: send a query or a mutation', {
              extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
            });
          }
          const verdict = checkOperation(schema, document, operation, request.variables, limits);
          if (verdict.ok) return;
          if (verdict.reason === 'depth') {
            throw limitExceeded(ErrorCode.QUERY_TOO_DEEP, `The operation nests fields ${verdict.depth} levels deep; at most ${limits.maxDepth} are allowed`, {
              depth: verdict.depth,
              maxDepth: limits.maxDepth,
            });
          }
          if (verdict.reason === 'page') {
            throw limitExceeded(ErrorCode.BAD_USER_INPUT, `Invalid argument: first must not be greater than ${limits.maxPageSize}, got ${verdict.first}`, {
              arguments: [{ argument: 'first', value: verdict.first }],
              field: verdict.field,
            });
          }
          if (verdict.reason === 'nodes') {
            throw limitExceeded(
              ErrorCode.QUERY_TOO_COMPLEX,
              `The operation expands to more than ${verdict.maxNodes} field selections (CODESET_MAX_SELECTIONS)`,
              {
                limit: 'CODESET_MAX_SELECTIONS',
                allowed: verdict.maxNodes,
              },
            );
          }
          throw limitExceeded(
            ErrorCode.QUERY_TOO_COMPLEX,
            `The operation's estimated cost is ${verdict.complexity}; at most ${limits.maxComplexity} is allowed (ask for smaller pages with first, or fewer nested lists)`,
            { complexity: verdict.complexity, maxComplexity: limits.maxComplexity },
          );
        },
      };
    },
  };
}
