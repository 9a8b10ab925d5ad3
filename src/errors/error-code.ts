/**
 * Every GraphQL error this service returns carries one of these in `extensions.code`.
 * The first block is Apollo Server's own codes; the rest are this service's.
 */
export enum ErrorCode {
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** An argument is malformed or ambiguous; the message names the value and what was expected. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** A mutation without a valid write credential (X-Api-Key header or Authorization: Bearer). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** A valid credential whose role does not allow this (a reader calling a curation mutation). */
  FORBIDDEN = 'FORBIDDEN',
  /** The operation nests fields deeper than the configured limit (CODESET_MAX_DEPTH); nothing ran. */
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /** The operation's estimated cost is over the configured limit (CODESET_MAX_COMPLEXITY); nothing ran. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The request body is larger than the configured limit (CODESET_MAX_BODY_BYTES), HTTP 413. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** The thing the argument names does not exist (a curated pairing id). */
  NOT_FOUND = 'NOT_FOUND',
  /** The write would duplicate what exists (an active curated pairing of the same two codes). */
  CONFLICT = 'CONFLICT',
  /** Neo4j cannot be reached (down, restarting, network): retry later. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Neo4j ran out of the configured transaction time for this query. */
  DATABASE_TIMEOUT = 'DATABASE_TIMEOUT',
  /** The request used up its database time (CODESET_REQUEST_DB_BUDGET_MS); what was left unanswered is null. */
  DATABASE_BUDGET_EXCEEDED = 'DATABASE_BUDGET_EXCEEDED',
  /** Too many requests from one anonymous caller (CODESET_ANON_RATE_LIMIT per minute), HTTP 429. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Anything unexpected; the message is masked and the cause is logged. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));
