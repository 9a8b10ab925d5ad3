import { GraphQLError } from 'graphql';

/** For command-line output: the cause behind a GraphQL error (the executor wraps driver errors). */
export function describeError(error: unknown): string {
  if (error instanceof GraphQLError && error.originalError && error.originalError !== error) {
    return `${error.message}: ${describeError(error.originalError)}`;
  }
  return error instanceof Error ? error.message : String(error);
}
