import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../../src/config';
import { findCmsTables, runCmsImport } from '../../src/import/cms/cms-import';
import { parsePtp } from '../../src/import/cms/ptp.parser';
import { fileSource, tableRows } from '../../src/import/cms/table-rows';
import { runOfficialImport } from '../../src/import/official/official-import';
import { findReleaseFiles } from '../../src/import/official/release-files';
import { applySchema } from '../../src/neo4j/migrate';
import { startIsolatedNeo4j } from '../../test/support/isolated-neo4j';
import { writePtpFile, type PtpRow } from './ptp-file';

/**
 * npm run bench:ptp-import (issue 15, speed): a practitioner PTP file of full size (1,500,000 edits
 * by default; CMS's quarterly practitioner files hold roughly 1 to 2 million) in the published layout,
 * written with pairs of real HCPCS codes from the official release in ../shared/data (CPT codes are
 * not public), imported into a Neo4j of its own that holds that release. Times the first import
 * (check, batched writes, publish) and the second (which must change nothing), and, apart, the
 * reading and checking pass alone (what runs before anything is written).
 */
const options = new Command()
  .option('--rows <n>', 'edits in the synthetic file', '1500000')
  .option('--dir <dir>', 'official releases (the HCPCS file is read)', process.env.CODESET_DATA_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data'))
  .option('--bolt-port <port>', 'Bolt port of the Neo4j this script starts', process.env.BENCH_PTP_BOLT_PORT ?? '7690')
  .parse()
  .opts<{ rows: string; dir: string; boltPort: string }>();

const RATIONALES = ['Standards of medical / surgical practice', 'Mutually exclusive procedures', 'CPT Manual or CMS manual coding instructions'];
const PER_COLUMN1 = 250;

/** Column 1 code a, with PER_COLUMN1 distinct column 2 codes a + 1 + 37j: every pair distinct. */
function* pairsOf(codes: string[], rows: number): Generator<PtpRow> {
  for (let i = 0; i < rows; i++) {
    const a = Math.floor(i / PER_COLUMN1) % codes.length;
    const b = (a + 1 + 37 * (i % PER_COLUMN1)) % codes.length;
    const deleted = i % 10 === 0;
    yield {
      column1: codes[a],
      column2: codes[b],
      before1996: i % 50 === 0,
      effective: `20${String(10 + (i % 15)).padStart(2, '0')}0101`,
      deleted: deleted ? '20251231' : null,
      modifier: deleted ? 9 : i % 2 === 0 ? 0 : 1,
      rationale: RATIONALES[i % RATIONALES.length],
    };
  }
}

async function main(): Promise<void> {
  const rows = Number(options.rows);
  const hcpcs = findReleaseFiles(options.dir).files.hcpcs;
  if (!hcpcs) throw new Error(`no HCPCS release file in ${options.dir}: see README, "Official data in tests"`);
  const neo = await startIsolatedNeo4j({
    connectTimeoutMs: 5_000,
    queryTimeoutMs: 600_000,
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-bench-ptp'),
    boltPort: Number(options.boltPort),
  });
  const folder = mkdtempSync(path.join(tmpdir(), 'ptp-bench-'));
  try {
    await applySchema(neo.executor);
    await runOfficialImport(neo.executor, { hcpcs });
    const { records } = await neo.driver.executeQuery("MATCH (c:Code {system: 'HCPCS'}) WHERE c.billable RETURN c.code AS code ORDER BY code");
    const codes = records.map((r) => String(r.get('code')));
    if (codes.length * PER_COLUMN1 < rows) throw new Error(`${codes.length} HCPCS codes give at most ${codes.length * PER_COLUMN1} distinct pairs`);
    const file = path.join(folder, 'ccipra-v999r0-f1.txt');
    let began = performance.now();
    await writePtpFile(file, pairsOf(codes, rows));
    const writeSeconds = (performance.now() - began) / 1000;
    began = performance.now();
    let read = 0;
    for await (const edit of parsePtp(path.basename(file), tableRows(fileSource(file)))) if (edit.column1) read += 1;
    const readSeconds = (performance.now() - began) / 1000;
    const { tables } = await findCmsTables(folder);
    began = performance.now();
    const first = await runCmsImport(neo.executor, tables);
    const firstSeconds = (performance.now() - began) / 1000;
    began = performance.now();
    const second = await runCmsImport(neo.executor, tables);
    const secondSeconds = (performance.now() - began) / 1000;
    const count = await neo.driver.executeQuery("MATCH ()-[e:PTP_EDIT {fileVersion: '99.9r0'}]->() RETURN count(e) AS n");
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          command: `npm run bench:ptp-import -- --rows ${rows}`,
          rows,
          hcpcsCodes: codes.length,
          fileWrittenSeconds: Math.round(writeSeconds * 10) / 10,
          editsReadAndChecked: read,
          readAndCheckSeconds: Math.round(readSeconds * 10) / 10,
          firstImportSeconds: Math.round(firstSeconds * 10) / 10,
          firstImportChanges: first.changes,
          edgesInGraph: Number(count.records[0].get('n')),
          secondImportSeconds: Math.round(secondSeconds * 10) / 10,
          secondImportChanges: second.changes,
          target: 'first import under 120 s',
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await neo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
