import { routing, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ErrorCode } from '../errors/error-code';
import { databaseBudgetExceeded, serviceUnavailable } from '../errors/errors';
import { toGraphQLError } from '../errors/neo4j-errors';
import type { CircuitBreaker } from './circuit-breaker';
import type { CypherLibrary } from './cypher-library';
import type { RequestBudget } from './request-budget';

export type Row = Record<string, unknown>;

/** What a write changed, from the server's own counters. */
export interface WriteCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  /** Properties set plus labels added or removed, and nodes or relationships deleted. */
  otherChanges: number;
}

/** Told of every round trip to Neo4j (the request plugin counts them). */
export type RoundTripListener = (name: string, millis: number) => void;

/** What bounds the executor's waiting: the process's circuit breaker and, per request, a database-time budget. */
export interface ExecutorGuards {
  breaker?: CircuitBreaker;
  budget?: RequestBudget;
}

/**
 * The one place that talks to Neo4j. Statements are named files from cypher/, values always go as
 * parameters, reads use READ routing, writes run in managed write transactions, and every driver
 * error leaves as a GraphQL error with a code from ErrorCode.
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

  async read(name: string, params: Row = {}): Promise<Row[]> {
    const text = this.library.get(name);
    const timeout = this.admit();
    const began = performance.now();
    try {
      const result = await this.driver.executeQuery(text, params, {
        database: this.database,
        routing: routing.READ,
        transactionConfig: { timeout },
      });
      return result.records.map((record) => record.toObject() as Row);
    } catch (error) {
      throw this.failure(error, timeout);
    } finally {
      const millis = performance.now() - began;
      this.guards.budget?.charge(millis);
      this.listener?.(name, millis);
    }
  }

  /**
   * The transaction timeout for the next round trip, or a refusal without touching the driver:
   * SERVICE_UNAVAILABLE at once while the circuit is open, DATABASE_BUDGET_EXCEEDED once the
   * request's database time is spent.
   */
  private admit(): number {
    if (this.guards.breaker?.isOpen) throw serviceUnavailable('The graph database is not reachable right now; retry shortly');
    const budget = this.guards.budget;
    if (!budget) return this.queryTimeoutMs;
    const remaining = budget.remaining();
    if (remaining <= 0) throw databaseBudgetExceeded(budget.limitMs, budget.spent());
    return Math.max(1, Math.min(this.queryTimeoutMs, Math.ceil(remaining)));
  }

  private failure(error: unknown, timeout: number): Error {
    const mapped = toGraphQLError(error);
    const code = mapped.extensions.code;
    if (code === ErrorCode.SERVICE_UNAVAILABLE) this.guards.breaker?.tripped(error);
    const budget = this.guards.budget;
    if (code === ErrorCode.DATABASE_TIMEOUT && budget && timeout < this.queryTimeoutMs) return databaseBudgetExceeded(budget.limitMs, budget.spent() + timeout);
    return mapped;
  }

  /**
   * One idempotent unit of write work in a managed transaction (retried by the driver on transient
   * errors), with what it changed (the importer's summary is built from these).
   */
  async writeCounted(name: string, params: Row = {}): Promise<{ rows: Row[]; counts: WriteCounts }> {
    const text = this.library.get(name);
    return this.writeTransaction(async (tx) => {
      const result = await tx.run(text, params);
      const u = result.summary.counters.updates();
      return {
        rows: result.records.map((r) => r.toObject() as Row),
        counts: {
          nodesCreated: u.nodesCreated,
          relationshipsCreated: u.relationshipsCreated,
          otherChanges: u.propertiesSet + u.labelsAdded + u.labelsRemoved + u.nodesDeleted + u.relationshipsDeleted,
        },
      };
    });
  }

  /** Schema statements (constraints, indexes) run one by one in their own transactions. */
  async runSchema(name: string): Promise<number> {
    const statements = this.library.statementsOf(name);
    const session = this.driver.session({ database: this.database });
    try {
      for (const statement of statements) await session.run(statement);
      return statements.length;
    } catch (error) {
      throw toGraphQLError(error);
    } finally {
      await session.close();
    }
  }

  private async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const timeout = this.admit();
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite(work, { timeout });
    } catch (error) {
      throw this.failure(error, timeout);
    } finally {
      await session.close();
    }
  }
}
