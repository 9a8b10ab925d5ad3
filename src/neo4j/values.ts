import { isInt } from 'neo4j-driver';

/** Neo4j integers become JS numbers here, in the repository layer, and nowhere else. */
export function toNumber(value: unknown): number {
  if (isInt(value)) return value.toNumber();
  if (typeof value === 'number') return value;
  throw new TypeError(`expected a Neo4j integer, got ${JSON.stringify(value)}`);
}

/** The columns of a row type that hold strings. */
type StringColumn<R> = { [K in keyof R]: R[K] extends string ? K : never }[keyof R];

/** Groups rows by a key column (of strings) into a map of one value per key. */
export function mapBy<R, V extends keyof R>(rows: readonly R[], keyColumn: StringColumn<R>, valueColumn: V): Map<string, R[V]> {
  return new Map(rows.map((row) => [String(row[keyColumn]), row[valueColumn]]));
}
