import { createHash } from 'node:crypto';
import { isInt, type Driver } from 'neo4j-driver';

/** What two imports are compared by: counts per label and type, and a hash of every node and relationship with its properties. */
export interface GraphFingerprint {
  labels: Record<string, number>;
  types: Record<string, number>;
  nodes: number;
  relationships: number;
  hash: string;
}

/** A property value as stable text: integers and temporal values by their string form, lists in order, maps by sorted key. */
function canonical(value: unknown): unknown {
  if (isInt(value)) return `int:${value.toString()}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    if (value.constructor !== Object) return `${value.constructor.name}:${String(value)}`;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * Every node (sorted labels and properties) and every relationship (type, properties, and the keys
 * of both ends) of the database, as sorted text, hashed. Properties named in `ignore` are left out
 * (the time of a run, the names of the files read), so two imports of the same content in other
 * forms compare equal and any other difference shows.
 */
export async function graphFingerprint(driver: Driver, database: string, ignore: readonly string[] = []): Promise<GraphFingerprint> {
  const props = (p: Record<string, unknown>) => JSON.stringify(canonical(Object.fromEntries(Object.entries(p).filter(([k]) => !ignore.includes(k)))));
  const { records: nodes } = await driver.executeQuery('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props', {}, { database });
  const keyOf = new Map<string, string>();
  const labels: Record<string, number> = {};
  for (const n of nodes) {
    const names = [...(n.get('labels') as string[])].sort();
    for (const label of names) labels[label] = (labels[label] ?? 0) + 1;
    keyOf.set(n.get('id') as string, `(${names.join(':')} ${props(n.get('props') as Record<string, unknown>)})`);
  }
  const { records: rels } = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS type, properties(r) AS props, elementId(b) AS b',
    {},
    { database },
  );
  const types: Record<string, number> = {};
  const lines = [...keyOf.values()];
  for (const r of rels) {
    const type = r.get('type') as string;
    types[type] = (types[type] ?? 0) + 1;
    lines.push(`${keyOf.get(r.get('a') as string)}-[${type} ${props(r.get('props') as Record<string, unknown>)}]->${keyOf.get(r.get('b') as string)}`);
  }
  const hash = createHash('sha256');
  for (const line of lines.sort()) hash.update(`${line}\n`);
  return { labels, types, nodes: nodes.length, relationships: rels.length, hash: hash.digest('hex') };
}
