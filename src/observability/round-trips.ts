/** The Cypher round trips of one GraphQL request: how many, the database time, and by statement. */
export class RoundTripCounter {
  count = 0;
  millis = 0;
  readonly statements: Record<string, number> = {};

  /** The executor's listener: told once per statement run. */
  readonly record = (name: string, millis: number): void => {
    this.count++;
    this.millis += millis;
    this.statements[name] = (this.statements[name] ?? 0) + 1;
  };

  /** What the debug extension shows. */
  toJSON(): { count: number; databaseMillis: number; statements: Record<string, number> } {
    return { count: this.count, databaseMillis: Math.round(this.millis * 10) / 10, statements: { ...this.statements } };
  }
}
