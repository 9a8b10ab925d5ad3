import neo4j, { isRetryableError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Limit } from 'p-limit';
import { DatabaseBudgetExceeded, DatabaseTimeout, DatabaseUnavailable } from '../domain/database-errors';
import type { CircuitBreaker } from './circuit-breaker';
import { toDatabaseError } from './driver-errors';
import type { ParamsOf, Row, RowOf, StatementName } from './cypher-catalogue';
import type { CypherLibrary } from './cypher-library';
import type { RequestBudget } from './request-budget';

export type { Row };

/** A read that fails with a transient error is tried this many times in all (the circuit breaker, not retries, answers an outage). */
const READ_ATTEMPTS = 2;

/** What a write changed, from the server's own counters. */
export interface WriteCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  /** Properties set plus labels added or removed, and nodes or relationships deleted. */
  otherChanges: number;
}

/** Told of every round trip to Neo4j (the request plugin counts them). */
export type RoundTripListener = (name: string, millis: number) => void;

/**
 * What bounds the executor's waiting: the process's circuit breaker and, per request, a database-time
 * budget and a limit on its round trips in flight (a p-limit queue). The limit keeps one request of
 * a hundred aliases from starting a hundred transactions in one turn of the event loop (each start
 * writes to the socket: measured at 100-200 ms of blocking) and from taking the whole pool from
 * other callers; a queued round trip is admitted (breaker, budget) only when it starts.
 */
export interface ExecutorGuards {
  breaker?: CircuitBreaker;
  budget?: RequestBudget;
  inFlight?: Limit;
}

/**
 * The one place that talks to Neo4j. Statements are named files from cypher/, values always go as
 * parameters, reads use READ routing, writes run in managed write transactions, and every driver
 * error leaves as a domain DatabaseError (src/domain/database-errors.ts), which the GraphQL layer
 * maps to an ErrorCode.
 */
export class CypherExecutor {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly library: CypherLibrary,
    private readonly queryTimeoutMs: number,
    private readonly listener?: RoundTripListener,
    private readonly guards: ExecutorGuards = {},
  ) {}

  /** Same driver and statements, one more listener (told after any this one has): one per request for round-trip accounting. */
  withListener(listener: RoundTripListener): CypherExecutor {
    const previous = this.listener;
    const both: RoundTripListener = previous
      ? (name, millis) => {
          previous(name, millis);
          listener(name, millis);
        }
      : listener;
    return new CypherExecutor(this.driver, this.database, this.library, this.queryTimeoutMs, both, this.guards);
  }

  /** Same driver, statements and listeners, with a circuit breaker (one per process) or a request's budget. */
  withGuards(guards: ExecutorGuards): CypherExecutor {
    return new CypherExecutor(this.driver, this.database, this.library, this.queryTimeoutMs, this.listener, { ...this.guards, ...guards });
  }

  /**
   * A read of a statement of the catalogue (src/neo4j/cypher-catalogue.ts): its parameters and rows
   * are typed there. It runs as an auto-commit query in a READ session (routed to readers, as
   * executeQuery with routing READ would be, and sharing executeQuery's bookmark manager), not as
   * executeQuery's managed transaction: that costs BEGIN and COMMIT messages and a second round
   * trip per read, measured at 1.85x the Node CPU and 1.79x the latency of the same read
   * auto-committed (`npm run bench:round-trips`; README, "Benchmarks"). A read is idempotent, so a transient failure (a
   * leader switch, a dropped pooled connection) is retried, as a managed transaction would be.
   */
  async read<N extends StatementName>(name: N, params: ParamsOf<N> = {} as ParamsOf<N>): Promise<Array<RowOf<N>>> {
    const text = this.library.get(name);
    const limit = this.guards.inFlight;
    return limit ? limit(() => this.readNow(name, text, params)) : this.readNow(name, text, params);
  }

  private async readNow<N extends StatementName>(name: N, text: string, params: ParamsOf<N>): Promise<Array<RowOf<N>>> {
    const timeout = this.admit();
    const began = performance.now();
    try {
      for (let attempt = 1; ; attempt++) {
        const session = this.driver.session({
          database: this.database,
          defaultAccessMode: neo4j.session.READ,
          bookmarkManager: this.driver.executeQueryBookmarkManager,
        });
        try {
          const result = await session.run(text, params, { timeout });
          return result.records.map((record) => record.toObject() as RowOf<N>);
        } catch (error) {
          if (attempt >= READ_ATTEMPTS || !isRetryableError(error) || this.guards.breaker?.isOpen) throw error;
        } finally {
          await session.close();
        }
      }
    } catch (error) {
      throw this.failure(error, timeout);
    } finally {
      const millis = performance.now() - began;
      this.guards.budget?.charge(millis);
      this.listener?.(name, millis);
    }
  }

  /**
   * Plans a statement without running it (`EXPLAIN`, no parameters, so nothing is read or written):
   * see src/neo4j/plan-warm-up.ts. Not counted against a request's budget or listeners.
   */
  async explain(name: StatementName): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(`EXPLAIN ${this.library.get(name)}`, {}, { timeout: this.queryTimeoutMs });
    } catch (error) {
      throw this.failure(error, this.queryTimeoutMs);
    } finally {
      await session.close();
    }
  }

  /**
   * The transaction timeout for the next round trip, or a refusal without touching the driver:
   * SERVICE_UNAVAILABLE at once while the circuit is open, DATABASE_BUDGET_EXCEEDED once the
   * request's database time is spent.
   */
  private admit(): number {
    if (this.guards.breaker?.isOpen) throw new DatabaseUnavailable('The graph database is not reachable right now; retry shortly');
    const budget = this.guards.budget;
    if (!budget) return this.queryTimeoutMs;
    const remaining = budget.remaining();
    if (remaining <= 0) throw new DatabaseBudgetExceeded(budget.limitMs, budget.spent());
    return Math.max(1, Math.min(this.queryTimeoutMs, Math.ceil(remaining)));
  }

  private failure(error: unknown, timeout: number): unknown {
    const mapped = toDatabaseError(error);
    if (mapped instanceof DatabaseUnavailable) this.guards.breaker?.tripped(error);
    const budget = this.guards.budget;
    if (mapped instanceof DatabaseTimeout && budget && timeout < this.queryTimeoutMs)
      return new DatabaseBudgetExceeded(budget.limitMs, budget.spent() + timeout, error);
    return mapped;
  }

  /**
   * One idempotent unit of write work in a managed transaction (retried by the driver on transient
   * errors), with what it changed (the importer's summary is built from these).
   */
  async writeCounted<N extends StatementName>(name: N, params: ParamsOf<N> = {} as ParamsOf<N>): Promise<{ rows: Array<RowOf<N>>; counts: WriteCounts }> {
    const text = this.library.get(name);
    return this.writeTransaction(async (tx) => {
      const result = await tx.run(text, params);
      const u = result.summary.counters.updates();
      return {
        rows: result.records.map((r) => r.toObject() as RowOf<N>),
        counts: {
          nodesCreated: u.nodesCreated,
          relationshipsCreated: u.relationshipsCreated,
          otherChanges: u.propertiesSet + u.labelsAdded + u.labelsRemoved + u.nodesDeleted + u.relationshipsDeleted,
        },
      };
    });
  }

  /** Schema statements (constraints, indexes) run one by one in their own transactions. */
  async runSchema(name: StatementName): Promise<number> {
    const statements = this.library.statementsOf(name);
    const session = this.driver.session({ database: this.database });
    try {
      for (const statement of statements) await session.run(statement);
      return statements.length;
    } catch (error) {
      throw toDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  private async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const limit = this.guards.inFlight;
    return limit ? limit(() => this.writeNow(work)) : this.writeNow(work);
  }

  private async writeNow<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const timeout = this.admit();
    // The bookmark manager the reads share: a read after a write sees it, on a cluster too.
    const session = this.driver.session({ database: this.database, bookmarkManager: this.driver.executeQueryBookmarkManager });
    try {
      return await session.executeWrite(work, { timeout });
    } catch (error) {
      throw this.failure(error, timeout);
    } finally {
      await session.close();
    }
  }
}
