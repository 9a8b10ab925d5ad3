import { isInt } from 'neo4j-driver';

/** Neo4j integers become JS numbers here, in the repository layer, and nowhere else. */
export function toNumber(value: unknown): number {
  if (isInt(value)) return value.toNumber();
  if (typeof value === 'number') return value;
  throw new TypeError(`expected a Neo4j integer, got ${JSON.stringify(value)}`);
}

/** Groups rows by a key column into a map of one value per key. */
export function mapBy<T>(rows: Array<Record<string, unknown>>, keyColumn: string, valueColumn: string): Map<string, T> {
  return new Map(rows.map((row) => [String(row[keyColumn]), row[valueColumn] as T]));
}
