import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

/** A malformed or ambiguous argument. `value` is echoed in extensions so clients can show it. */
export function badUserInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...details } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function notFound(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, ...details } });
}

export function conflict(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, ...details } });
}

export function serviceUnavailable(message: string, cause?: unknown): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE }, originalError: asError(cause) });
}

export function databaseTimeout(message: string, cause?: unknown): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.DATABASE_TIMEOUT }, originalError: asError(cause) });
}

export function databaseBudgetExceeded(limitMs: number, spentMs: number): GraphQLError {
  return new GraphQLError(
    `This request has used ${Math.round(spentMs)} ms of database time; at most ${limitMs} ms are allowed per request (CODESET_REQUEST_DB_BUDGET_MS): ask for less in one request`,
    { extensions: { code: ErrorCode.DATABASE_BUDGET_EXCEEDED, budgetMs: limitMs, spentMs: Math.round(spentMs) } },
  );
}

export function internalError(cause?: unknown): GraphQLError {
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    originalError: asError(cause),
  });
}

function asError(cause: unknown): Error | undefined {
  return cause instanceof Error ? cause : undefined;
}

/** A query refused by the cost limits before it reaches Neo4j (HTTP 400). */
export function limitExceeded(
  code: ErrorCode.QUERY_TOO_DEEP | ErrorCode.QUERY_TOO_COMPLEX | ErrorCode.BAD_USER_INPUT,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}
