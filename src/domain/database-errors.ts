/**
 * What can go wrong talking to the graph database, in the service's own terms: the executor raises
 * these (src/neo4j/driver-errors.ts classifies the driver's errors), and the GraphQL layer maps them
 * to an ErrorCode (src/errors/neo4j-errors.ts). No framework here, so the import CLI can use them too.
 */
export abstract class DatabaseError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
  }
}

/** The database cannot serve now (down, restarting, pool exhausted, our credentials refused): retry later. */
export class DatabaseUnavailable extends DatabaseError {}

/** A transaction ran longer than the configured timeout. */
export class DatabaseTimeout extends DatabaseError {}

/** A write refused by a constraint because of data written at the same time. */
export class DatabaseConflict extends DatabaseError {}

/** Any other database error (a Cypher error, an unexpected status): a fault of ours, not the caller's. */
export class DatabaseFailure extends DatabaseError {}

/** The request used up its database time (CODESET_REQUEST_DB_BUDGET_MS): what it still asked is refused. */
export class DatabaseBudgetExceeded extends DatabaseError {
  constructor(
    readonly budgetMs: number,
    readonly spentMs: number,
    cause?: unknown,
  ) {
    super(
      `This request has used ${Math.round(spentMs)} ms of database time; at most ${budgetMs} ms are allowed per request (CODESET_REQUEST_DB_BUDGET_MS): ask for less in one request`,
      cause,
    );
  }
}
