/**
 * Structurally hostile GraphQL documents (issue 13): not bad argument values but bad shapes —
 * fragment fan-outs and cycles, nesting of inline fragments, alias, directive and repeated-field
 * floods, many definitions, batches, huge variables — at random sizes, from a seeded generator.
 */
export interface ShapeInput {
  kind: string;
  body: unknown;
}

/** mulberry32: small, seeded, good enough for test inputs. */
export function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** n copies of f(i), joined by spaces. */
export const repeat = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const LEAVES = ['codeSystems { id }', 'organizations { name }', 'code(code: "E11.9") { code }', 'search(text: "diab") { totalCount }'];

type Generator = (size: number, pick: <T>(items: readonly T[]) => T) => unknown;

const GENERATORS: Record<string, Generator> = {
  fanOut: (size, pick) => {
    const levels = 2 + (size % 45);
    let source = `query Q { ...F${levels} }\nfragment F0 on Query { ${pick(LEAVES)} }\n`;
    for (let i = 1; i <= levels; i++) source += `fragment F${i} on Query { ${repeat(2 + (size % 3), () => `...F${i - 1}`)} }\n`;
    return { query: source };
  },
  fragmentCycle: (size) => ({
    query: `${repeat(2 + (size % 30), (i) => `fragment C${i} on Query { ...C${(i + 1) % (2 + (size % 30))} codeSystems { id } }`)} query { ...C0 }`,
  }),
  nestedInline: (size) => ({ query: `query { codeSystems { ${'... on CodeSystem { '.repeat(size)} id ${'}'.repeat(size)} } }` }),
  inlineSameField: (size, pick) => ({ query: `query { ${repeat(size, () => `... on Query { ${pick(LEAVES)} }`)} }` }),
  sameField: (size, pick) => ({ query: `query { ${repeat(size, () => pick(LEAVES))} }` }),
  aliases: (size, pick) => ({ query: `query { ${repeat(size, (i) => `a${i}: ${pick(LEAVES)}`)} }` }),
  directives: (size) => ({ query: `query { codeSystems ${repeat(size, (i) => (i % 2 ? '@include(if: true)' : '@skip(if: false)'))} { id } }` }),
  fragmentFirst: (size, pick) => ({ query: `fragment F on Query { ${repeat(size, () => pick(LEAVES))} } query { ...F }` }),
  manySpreads: (size) => ({ query: `fragment F on CodeSystem { id } query { codeSystems { ${repeat(size, () => '...F')} } }` }),
  manyOperations: (size) => ({ query: repeat(size, (i) => `query Q${i} { codeSystems { id } }`), operationName: 'Q0' }),
  deepFields: (size) => ({ query: `{ code(code: "E11.9") { ${'parent { '.repeat(size)}code${' }'.repeat(size)} } }` }),
  batch: (size) => Array.from({ length: size }, () => ({ query: '{ codeSystems { id } }' })),
  hugeVariables: (size) => ({
    query: 'query($v: [String!]) { codeSystems { id } }',
    variables: { v: Array.from({ length: size * 10 }, (_, i) => `value-${i}`) },
  }),
  wideVariables: (size) => ({
    query: `query(${repeat(Math.min(size, 2000), (i) => `$v${i}: Int`)}) { codeSystems { id } }`,
    variables: Object.fromEntries(Array.from({ length: size }, (_, i) => [`v${i}`, i])),
  }),
};

export const SHAPE_KINDS = Object.keys(GENERATORS);

/** `count` documents, cycling through every kind, each at a random size from 1 to 3,000. */
export function sampleHostileShapes(count: number, seed: number): ShapeInput[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const kind = SHAPE_KINDS[i % SHAPE_KINDS.length];
    const size = 1 + Math.floor(next() ** 2 * 3_000);
    return { kind, body: GENERATORS[kind](size, pick) };
  });
}
