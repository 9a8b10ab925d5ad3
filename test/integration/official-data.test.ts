import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';
import type { ImportSummary } from '../../src/import/import-runner';
import { runOfficialImport } from '../../src/import/official/official-import';
import { findReleaseFiles, type ReleaseFiles } from '../../src/import/official/release-files';
import { applySchema } from '../../src/neo4j/migrate';
import { createHarness, type Harness } from '../support/harness';
import { wipeDatabase } from '../support/wipe';

/**
 * The official releases in ../shared/data, loaded into their own empty Neo4j. Every expected figure
 * is computed here from the files themselves, independently of the importer's parsers. The folder
 * is ../shared/data beside the repository, or CODESET_DATA_DIR.
 */
const DATA = process.env.CODESET_DATA_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const files = findReleaseFiles(DATA).files;
const target = inject('officialNeo4jTarget');

function text(file: string): string {
  const raw = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}

function lines(file: string): string[] {
  return text(file).split(/\r?\n/).filter((l) => l.trim() !== '');
}

const order = lines(files.icd10cmOrder!).map((l) => ({ code: l.slice(6, 13).trim(), billable: l[14] === '1' }));
const pcs = lines(files.icd10pcsCodes!).map((l) => l.slice(0, 7));
const hcpcs = parse(text(files.hcpcs!), { columns: true }) as Array<Record<string, string>>;
const addenda = lines(files.icd10cmAddenda!).map((l) => ({ keyword: l.slice(0, 13).trim(), code: l.slice(13, 20).trim(), title: l.slice(21).trim() }));
const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

let h: Harness;
let driver: Driver;

async function cypher<T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await driver.executeQuery(query, params, { database: target.database });
  return records.map((r) => r.toObject() as T);
}

function wipe(): Promise<void> {
  return wipeDatabase(driver, target.database);
}

/** Labels and relationship types counted, releases, and a hash of every code's key facts. */
async function fingerprint(): Promise<unknown> {
  const labels = await cypher('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
  const types = await cypher('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  const releases = await cypher('MATCH (r:Release) RETURN r.id AS id, r.status AS status, r.codeCount AS codes ORDER BY id');
  const codes = await cypher<{ k: string }>(
    "MATCH (c:Code) RETURN c.system + '|' + c.code + '|' + c.display + '|' + toString(c.billable) + '|' + coalesce(c.pcsBodyPart, '') AS k ORDER BY k",
  );
  const hash = createHash('sha256');
  for (const { k } of codes) hash.update(`${k}\n`);
  return { labels, types, releases, codes: codes.length, hash: hash.digest('hex') };
}

beforeAll(async () => {
  h = await createHarness(target);
  driver = h.driver;
  await applySchema(h.executor);
});
afterAll(() => h.close());

describe('an import killed with SIGKILL part-way', () => {
  const subset: ReleaseFiles = { icd10pcsCodes: files.icd10pcsCodes, icd10pcsTables: files.icd10pcsTables, hcpcs: files.hcpcs };

  it('leaves nothing of the release visible, and running it again gives the graph a clean run gives', async () => {
    await wipe();
    const args = ['--import', 'tsx', 'scripts/import.ts', '--icd10pcs-codes', subset.icd10pcsCodes!, '--icd10pcs-tables', subset.icd10pcsTables!, '--hcpcs', subset.hcpcs!];
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, NEO4J_URI: target.uri, NEO4J_DATABASE: target.database }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const killed = new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // All PCS code batches are committed; the release is not yet complete.
        if (/ICD10PCS codes\s+79115 rows/.test(output)) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve(signal ?? `exit without kill: ${output}`));
    });
    expect(await killed).toBe('SIGKILL');
    const [state] = await cypher<{ codes: unknown; status: string }>("MATCH (r:Release {id: 'ICD10PCS:2026'}) RETURN COUNT { (r)<-[:VALID_IN]-() } AS codes, r.status AS status");
    expect(state).toMatchObject({ status: 'loading' });
    expect(Number(state!.codes)).toBe(pcs.length);
    const seen = await h.run<{ code: unknown; release: unknown; search: { totalCount: number } }>(
      '{ code(code: "0DTJ4ZZ") { code } release(system: ICD10PCS, version: "2026") { id } search(text: "0DT") { totalCount } }',
    );
    expect(seen).toEqual({ data: { code: null, release: null, search: { totalCount: 0 } } });

    await runOfficialImport(h.executor, subset);
    const resumed = await fingerprint();
    await wipe();
    await runOfficialImport(h.executor, subset);
    expect(await fingerprint()).toEqual(resumed);
  }, 300_000);
});

describe('the official releases in ../shared/data', () => {
  let first: ImportSummary;

  beforeAll(async () => {
    await wipe();
    first = await runOfficialImport(h.executor, files);
  });

  it('holds as many codes and billable codes per system as the files list', async () => {
    const result = await h.run<{ codeSystems: Array<{ id: string; codeCount: number; billableCount: number }> }>('{ codeSystems { id codeCount billableCount } }');
    const counts = Object.fromEntries(result.data!.codeSystems.map((s) => [s.id, { codes: s.codeCount, billable: s.billableCount }]));
    const hcpcsCodes = hcpcs.filter((r) => r.RECID === '3');
    expect(counts.ICD10CM).toEqual({ codes: order.length, billable: order.filter((c) => c.billable).length });
    expect(counts.ICD10PCS).toEqual({ codes: pcs.length, billable: pcs.length });
    expect(counts.HCPCS!.codes).toBe(hcpcsCodes.length);
    expect(first.codesBySystem).toEqual({ ICD10CM: order.length, ICD10PCS: pcs.length, HCPCS: hcpcsCodes.length });
    const modifiers = await h.run<{ modifiers: Array<{ code: string }> }>('{ modifiers { code } }');
    expect(modifiers.data!.modifiers).toHaveLength(hcpcs.filter((r) => r.RECID === '7').length);
  });

  it('reaches every ICD-10-CM order-file code from its chapter', async () => {
    const [row] = await cypher<{ all: unknown }>("MATCH (c:Code:Published {system: 'ICD10CM'}) RETURN count(c) AS all");
    expect(Number(row!.all)).toBe(order.length);
    const unreached = await cypher(
      `MATCH (c:Code:Published {system: 'ICD10CM'})
       WHERE NOT EXISTS { (c)-[:CHILD_OF*0..]->(:Code)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {kind: 'CHAPTER'}) }
       RETURN c.code AS code LIMIT 5`,
    );
    expect(unreached).toEqual([]);
  });

  it('places E11.9 under E11, block E08-E13 and chapter 4; S52.521A billable under S52.521; 0DTJ4ZZ in table 0DT; J1100 in section J', async () => {
    const result = await h.run(`{
      e119: code(code: "E11.9") { billable parent { code } categories { code kind } isE11: isA(ancestor: "E11") isBlock: isA(ancestor: "E08-E13") isChapter: isA(ancestor: "4") isE10: isA(ancestor: "E10") }
      s52: code(code: "S52.521A") { billable parent { code } ... on Diagnosis { sevenCharacterExtensions { character text definedOn } } }
      pcs: code(code: "0DTJ4ZZ") { categories { code kind title } }
      j1100: code(code: "J1100", system: HCPCS) { display categories { code } ... on Procedure { coverageCode } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      e119: {
        billable: true,
        parent: { code: 'E11' },
        categories: [{ code: '4', kind: 'CHAPTER' }, { code: 'E08-E13', kind: 'BLOCK' }],
        isE11: true,
        isBlock: true,
        isChapter: true,
        isE10: false,
      },
      s52: { billable: true, parent: { code: 'S52.521' } },
      pcs: { categories: [{ code: '0', kind: 'SECTION' }, { code: '0D', kind: 'BODY_SYSTEM' }, { code: '0DT', kind: 'ROOT_OPERATION', title: 'Resection' }] },
      j1100: { categories: [{ code: 'J' }] },
    });
    const s52 = (result.data as { s52: { sevenCharacterExtensions: Array<{ character: string; definedOn: string }> } }).s52;
    // The nearest ancestor with a sevenChrDef defines them (S52.52 or S52).
    expect(s52.sevenCharacterExtensions).toContainEqual(expect.objectContaining({ character: 'A', definedOn: expect.stringMatching(/^S52/) }));
    const j1100 = hcpcs.find((r) => r.HCPC === 'J1100')!;
    expect(result.data).toMatchObject({ j1100: { display: j1100['LONG DESCRIPTION'] } });
  });

  it('finds type 2 diabetes codes from the words "diab typ 2", ranked first', async () => {
    const result = await h.run<{ search: { totalCount: number; nodes: Array<{ code: string; display: string }> } }>('{ search(text: "diab typ 2", first: 10) { totalCount nodes { code display } } }');
    const nodes = result.data!.search.nodes;
    expect(nodes).toHaveLength(10);
    expect(nodes.slice(0, 5).every((n) => n.code.startsWith('E11'))).toBe(true);
    expect(result.data!.search.totalCount).toBeGreaterThan(10);
  });

  it('lists E11 codes for "E11." a page at a time, with the total from the order file', async () => {
    const expected = order.filter((c) => c.code.startsWith('E11') && c.code.length > 3).map((c) => dotted(c.code)).sort();
    const page1 = await h.run<{ search: { totalCount: number; nodes: Array<{ code: string }>; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      '{ search(text: "E11.", first: 50) { totalCount nodes { code } pageInfo { endCursor hasNextPage } } }',
    );
    expect(page1.data!.search.totalCount).toBe(expected.length);
    expect(page1.data!.search.nodes.map((n) => n.code)).toEqual(expected.slice(0, 50));
    const page2 = await h.run<{ search: { nodes: Array<{ code: string }> } }>('query($after: String) { search(text: "E11.", first: 50, after: $after) { nodes { code } } }', {
      after: page1.data!.search.pageInfo.endCursor,
    });
    expect(page2.data!.search.nodes.map((n) => n.code)).toEqual(expected.slice(50, 100));
  });

  it('gives all descendants of E11 in one call, billable ones on request', async () => {
    const below = order.filter((c) => c.code.startsWith('E11') && c.code !== 'E11');
    const result = await h.run<{ code: { all: { totalCount: number }; billable: { totalCount: number; nodes: Array<{ code: string }> } } }>(
      '{ code(code: "E11") { all: descendants(first: 1) { totalCount } billable: descendants(first: 500, billableOnly: true) { totalCount nodes { code } } } }',
    );
    expect(result.data!.code.all.totalCount).toBe(below.length);
    expect(result.data!.code.billable.nodes.map((n) => n.code)).toEqual(below.filter((c) => c.billable).map((c) => dotted(c.code)).sort());
  });

  it('ties E11 to its excludes1 targets and E08 codes to their code-first notes, with the note text', async () => {
    const result = await h.run<{ e11: { excludes1: Array<{ text: string; target: { code: string } | null; targetCategory: { code: string } | null }> }; e0821: { codeFirst: Array<{ text: string }> } }>(
      `{ e11: code(code: "E11") { ... on Diagnosis { excludes1 { text target { code } targetCategory { code } } } }
         e0821: code(code: "E08") { ... on Diagnosis { codeFirst { text } } } }`,
    );
    expect(result.data!.e11.excludes1).toContainEqual({ text: 'type 1 diabetes mellitus (E10.-)', target: { code: 'E10' }, targetCategory: null });
    expect(result.data!.e0821.codeFirst.length).toBeGreaterThan(0);
  });

  it('records the FY2026 addenda: added, revised and deleted codes', async () => {
    const added = addenda.find((a) => a.keyword === 'Add:')!;
    const revised = addenda.find((a) => a.keyword === 'Revise from:')!;
    const revisedTo = addenda.find((a) => a.keyword === 'Revise to:' && a.code === revised.code)!;
    const deleted = addenda.filter((a) => a.keyword === 'Delete:');
    const result = await h.run<{
      added: { addedIn: { id: string }; validIn: Array<{ id: string }> };
      revised: { revisions: Array<{ from: string; to: string; release: { version: string } }> };
      release: { previousVersion: string; addedCount: number; revisedCount: number; deleted: Array<{ code: string }>; codeCount: number };
    }>(
      `query($added: String!, $revised: String!) {
        added: code(code: $added, system: ICD10CM) { addedIn { id } validIn { id } }
        revised: code(code: $revised, system: ICD10CM) { revisions { from to release { version } } }
        release(system: ICD10CM, version: "2026") { previousVersion addedCount revisedCount codeCount deleted { code } }
      }`,
      { added: added.code, revised: revised.code },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.added).toEqual({ addedIn: { id: 'ICD10CM:2026' }, validIn: [{ id: 'ICD10CM:2026' }] });
    expect(result.data!.revised.revisions).toEqual([{ from: revised.title, to: revisedTo.title, release: { version: '2026' } }]);
    expect(result.data!.release).toMatchObject({
      previousVersion: '2025',
      addedCount: addenda.filter((a) => a.keyword === 'Add:').length,
      revisedCount: addenda.filter((a) => a.keyword === 'Revise from:').length,
      codeCount: order.length,
    });
    expect(result.data!.release.deleted.map((d) => d.code)).toEqual(deleted.map((d) => dotted(d.code)).map((c) => c.replace('.', '')));
  });

  it('changes nothing when the same files are imported again', async () => {
    const again = await runOfficialImport(h.executor, files);
    expect(again.changes).toBe(0);
    expect(again.nodesAfter).toBe(first.nodesAfter);
    expect(again.relationshipsAfter).toBe(first.relationshipsAfter);
  }, 300_000);

  it('stops at a malformed file, naming file, line and what was expected, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'malformed-'));
    const broken = path.join(dir, 'HCPC2025_OCT_ANWEB.csv');
    const rows = text(files.hcpcs!).split('\n');
    const at = rows.findIndex((row, i) => i >= 100 && /^[A-Z]\d{4},/.test(row));
    rows[at] = rows[at]!.replace(/^[A-Z]\d{4}/, 'J11X0');
    writeFileSync(broken, rows.join('\n'));
    const before = await fingerprint();
    await expect(runOfficialImport(h.executor, { ...files, hcpcs: broken })).rejects.toThrow(new RegExp(`HCPC2025_OCT_ANWEB\\.csv line ${at + 1}: .*"J11X0"`));
    expect(await fingerprint()).toEqual(before);
  }, 300_000);

  it('loads a licensed CPT descriptor file (invented text here) into the CPT release of its year', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpt-'));
    const file = path.join(dir, 'cpt-2026.tsv');
    writeFileSync(file, '99213\tINVENTED descriptor for a test\n0042T\tINVENTED emerging-technology text\n');
    await runOfficialImport(h.executor, { cptDescriptors: file }, { cptVersion: '2026' });
    const result = await h.run('{ code(code: "99213", system: CPT) { display validIn { id files } categories { code } } }');
    expect(result.data).toEqual({
      code: { display: 'INVENTED descriptor for a test', validIn: [{ id: 'CPT:2026', files: ['cpt-2026.tsv'] }], categories: [{ code: 'CAT1' }, { code: 'EM' }] },
    });
  });
});
