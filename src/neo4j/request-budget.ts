/**
 * The database time one request may use (CODESET_REQUEST_DB_BUDGET_MS): the sum of its round
 * trips' durations. Each round trip gets what is left as its transaction timeout, so one request
 * never holds Neo4j much past its budget; once it is spent, the next round trip is refused.
 */
export class RequestBudget {
  private spentMs = 0;

  constructor(readonly limitMs: number) {
    if (!Number.isFinite(limitMs) || limitMs <= 0) throw new RangeError(`A request budget must be a positive number of milliseconds, got ${limitMs}`);
  }

  /** Milliseconds left (0 or less once spent). */
  remaining(): number {
    return this.limitMs - this.spentMs;
  }

  spent(): number {
    return this.spentMs;
  }

  charge(millis: number): void {
    this.spentMs += millis;
  }
}
