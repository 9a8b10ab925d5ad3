import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from '../common/logger';
import { DatabaseError } from '../domain/database-errors';
import { ERROR_CODES, ErrorCode } from './error-code';
import { graphQLErrorOf } from './neo4j-errors';

function describeValidation(errors: ValidationError[]): string {
  return errors
    .map((e) => `${e.property} ${Object.values(e.constraints ?? {}).map((c) => c.replace(new RegExp(`^${e.property} `), '')).join(', ')}, got ${JSON.stringify(e.value)}`)
    .join('; ');
}

/**
 * Every error leaves with a code from ErrorCode. Validation errors name the argument, the rule and
 * the value; anything unexpected is logged and masked as INTERNAL_SERVER_ERROR.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const validationErrors = (original.extensions.validationErrors ?? []) as ValidationError[];
      return {
        ...formatted,
        message: `Invalid argument: ${describeValidation(validationErrors)}`,
        extensions: { code: ErrorCode.BAD_USER_INPUT, arguments: validationErrors.map((e) => ({ argument: e.property, value: e.value })) },
      };
    }
    // A scalar that refuses a literal argument (asOf: "2026-02-30") fails validation; say it as the
    // same BAD_USER_INPUT the value gets when it comes as a variable.
    const cause = error instanceof GraphQLError ? error.originalError : undefined;
    if (formatted.extensions?.code === ErrorCode.GRAPHQL_VALIDATION_FAILED && cause instanceof GraphQLError && cause.extensions.code === ErrorCode.BAD_USER_INPUT) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...cause.extensions } };
    }
    // The executor raises domain errors; here they get their ErrorCode (a database failure stays masked).
    if (original instanceof DatabaseError) {
      const mapped = graphQLErrorOf(original);
      if (mapped.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: { ...mapped.extensions } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && ERROR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
