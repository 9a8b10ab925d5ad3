/**
 * Contender (c) of `npm run bench`, the floor: the service's own Cypher statements (cypher/), in
 * the same order and with the same parameters, run directly through neo4j-driver (executeQuery,
 * READ routing) from a minimal node:http handler. No GraphQL, no DataLoader, no validation, no
 * shaping: POST /<query> with the statements' parameters as JSON, answered with the raw rows.
 * The benchmark prepares the parameters (keys, pairs, the Lucene text) before the run.
 */
import http from 'node:http';
import neo4j, { isInt, routing, type Driver } from 'neo4j-driver';
import { CypherLibrary } from '../../../src/neo4j/cypher-library';
import { createDriver } from '../../../src/neo4j/driver';
import { benchTarget, serve } from './serve';

type Params = Record<string, unknown>;
type Rows = Array<Record<string, unknown>>;

function reader(driver: Driver, database: string, library: CypherLibrary) {
  return async (name: string, params: Params): Promise<Rows> => {
    const result = await driver.executeQuery(library.get(name), params, { database, routing: routing.READ });
    return result.records.map((r) => r.toObject());
  };
}

type Read = ReturnType<typeof reader>;

const int = (n: unknown) => neo4j.int(Number(n));
/** The distinct policy ids a statement's rows name, for the policies-by-ids level that follows. */
const policyIdsOf = (rows: Rows, ids: (row: Record<string, unknown>) => unknown[]) => [...new Set(rows.flatMap(ids).filter((id) => typeof id === 'string'))];

/** One handler per query of the mix, each the statements the service runs for it, level by level. */
const handlers: Record<string, (read: Read, p: Params) => Promise<unknown>> = {
  async lookup(read, p) {
    const keys = [{ system: p.system, code: p.code }];
    const [code] = await read('code/by-keys', { keys });
    const [parents, categories] = await Promise.all([read('code/parents', { keys }), read('code/categories', { keys })]);
    return { code, parents, categories };
  },
  async search(read, p) {
    return read('search/text', { lucene: p.lucene, systems: null, billableOnly: false, licensed: false, skip: int(0), limit: int(p.first) });
  },
  async descendants(read, p) {
    const keys = [{ system: p.system, code: p.code }];
    const [code] = await read('code/by-keys', { keys });
    const page = await read('code/descendants', { keys, skip: int(0), limit: int(p.first), billableOnly: false });
    return { code, page };
  },
  async justifiedBy(read, p) {
    const keys = [{ system: p.system, code: p.code }];
    const [code] = await read('code/by-keys', { keys });
    const page = await read('pairing/justified-by', {
      system: p.system,
      code: p.code,
      statuses: ['COVERED', 'CURATED'],
      policy: null,
      chapter: null,
      billableOnly: false,
      asOf: p.asOf,
      skip: int(0),
      limit: int(p.first),
    });
    const policies = await read('pairing/policies-by-ids', { ids: policyIdsOf(page, (r) => (r.page as Rows).map((p) => p.policyId)) });
    return { code, page, policies };
  },
  async checkPairing(read, p) {
    const [codes, evidence] = await Promise.all([read('pairing/claim-codes', { keys: p.keys }), read('pairing/evidence', { pairs: p.pairs, date: p.date })]);
    const policies = await read('pairing/policies-by-ids', {
      ids: policyIdsOf(evidence, (r) => (r.policies as Array<{ policy: { id: unknown } }>).map((p) => p.policy.id)),
    });
    return { codes, evidence, policies };
  },
  async validateClaim(read, p) {
    const [codes, evidence, conflicts] = await Promise.all([
      read('pairing/claim-codes', { keys: p.keys }),
      read('pairing/evidence', { pairs: p.pairs, date: p.date }),
      read('pairing/excludes1-conflicts', { pairs: p.conflictPairs }),
    ]);
    return { codes, evidence, conflicts };
  },
};

const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (isInt(v) ? v.toNumber() : v));

async function main(): Promise<void> {
  const target = benchTarget();
  const driver = createDriver(target, { connectTimeoutMs: 10_000 });
  const read = reader(driver, target.database, new CypherLibrary());
  const server = http.createServer((req, res) => {
    const handler = handlers[(req.url ?? '').slice(1)];
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !handler) {
        res.writeHead(404).end();
        return;
      }
      handler(read, JSON.parse(Buffer.concat(chunks).toString('utf8')) as Params).then(
        (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(json(result)),
        (error: unknown) => res.writeHead(500, { 'content-type': 'application/json' }).end(json({ error: String(error) })),
      );
    });
  });
  await serve(server, () => driver.close());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
