import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from '../common/logger';
import { DatabaseError } from '../domain/database-errors';
import { ERROR_CODES, ErrorCode } from './error-code';
import { graphQLErrorOf } from './neo4j-errors';

/** One broken rule of an argument: its full path below the argument ("lines[0].diagnosisPointers"), the value and what was expected. */
interface Violation {
  argument: string;
  value: unknown;
  expected: string;
}

/** class-validator nests the errors of input objects and lists (children); each leaf rule, with its path. */
function violations(errors: readonly ValidationError[], prefix = ''): Violation[] {
  return errors.flatMap((e) => {
    const path = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((c) =>
      c.replace(new RegExp(`^(each value in )?${e.property} `), (_, each) => (each ? 'each value ' : '')),
    );
    const here = own.length > 0 ? [{ argument: path, value: e.value as unknown, expected: own.join(', ') }] : [];
    return [...here, ...violations(e.children ?? [], path)];
  });
}

function describeValidation(found: readonly Violation[]): string {
  return found.map((v) => `${v.argument} ${v.expected}, got ${JSON.stringify(v.value)}`).join('; ');
}

/** Longest echoed string in an error: a 500 KB bad value must not come back as a 500 KB error. */
export const MAX_ECHOED_CHARS = 200;

/**
 * Echoed values, capped: a string over MAX_ECHOED_CHARS keeps its first 200 characters with a
 * note of its length, a long list its first 20 items; nesting is followed a few levels.
 */
export function capEchoed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_ECHOED_CHARS ? `${value.slice(0, MAX_ECHOED_CHARS)}… (${value.length} characters)` : value;
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const shown = value.slice(0, 20).map((v) => capEchoed(v, depth + 1));
    return value.length > 20 ? [...shown, `… (${value.length} items)`] : shown;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capEchoed(v, depth + 1)]));
}

function capped(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.length > 1_000 ? `${formatted.message.slice(0, 1_000)}… (${formatted.message.length} characters)` : formatted.message;
  return { ...formatted, message, ...(formatted.extensions ? { extensions: capEchoed(formatted.extensions) as Record<string, unknown> } : {}) };
}

/**
 * Every error leaves with a code from ErrorCode. Validation errors name the argument, the rule and
 * the value; anything unexpected is logged and masked as INTERNAL_SERVER_ERROR.
 */
export function createFormatError(logger: Logger) {
  const format = formatOne(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => capped(format(formatted, error));
}

function formatOne(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const found = violations(original.extensions.validationErrors ?? []);
      // The first broken rule in the one shape every BAD_USER_INPUT has; all of them in `arguments`.
      return {
        ...formatted,
        message: `Invalid argument: ${describeValidation(found)}`,
        extensions: { code: ErrorCode.BAD_USER_INPUT, ...found[0], arguments: found },
      };
    }
    // A scalar that refuses a literal argument (asOf: "2026-02-30") fails validation; say it as the
    // same BAD_USER_INPUT the value gets when it comes as a variable.
    const cause = error instanceof GraphQLError ? error.originalError : undefined;
    if (
      formatted.extensions?.code === ErrorCode.GRAPHQL_VALIDATION_FAILED &&
      cause instanceof GraphQLError &&
      cause.extensions.code === ErrorCode.BAD_USER_INPUT
    ) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...cause.extensions } };
    }
    // The executor raises domain errors; here they get their ErrorCode (a database failure stays masked).
    if (original instanceof DatabaseError) {
      const mapped = graphQLErrorOf(original);
      if (mapped.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR)
        return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: { ...mapped.extensions } };
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
