/**
 * Issue 15, speed: writes a synthetic practitioner PTP file of full size in the published layout
 * (copyright lines, header, label rows, then ROWS edits; default 1,500,000) and times reading and
 * checking it with the importer's reader (the pass that runs before anything is written).
 *
 *   npx tsx scripts/ptp-synthetic.ts [--rows 1500000] [--out /tmp/ccipra-v999r0-f1.txt]
 *
 * The codes are synthetic five-digit numbers, so the graph holds none of them: writing the edges is
 * not timed by this script (see the report of issue 15).
 */
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parsePtp } from '../src/import/cms/ptp.parser';
import { fileSource, tableRows } from '../src/import/cms/table-rows';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const RATIONALES = [
  'Standards of medical / surgical practice',
  'Mutually exclusive procedures',
  'CPT Manual or CMS manual coding instructions',
  'Misuse of column two code with column one code',
];

async function main(): Promise<void> {
  const rows = Number(arg('rows', '1500000'));
  const out = arg('out', path.join(tmpdir(), 'ccipra-v999r0-f1.txt'));
  let began = performance.now();
  const w = createWriteStream(out, { encoding: 'latin1' });
  const write = async (s: string) => {
    if (!w.write(s)) await once(w, 'drain');
  };
  await write(
    'CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved.\r\nSynthetic file for a speed test (codeset-graph).\r\nColumn1/Column2 Edits\r\n',
  );
  await write(
    'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale\r\n\t\t\t\t*=no data\t0=not allowed\t\r\n\t\t\t\t\t1=allowed\t\r\n\t\t\t\t\t9=not applicable\t\r\n',
  );
  const perColumn1 = 100;
  for (let i = 0; i < rows; i += 1) {
    const c1 = String(10000 + Math.floor(i / perColumn1)).padStart(5, '0');
    const c2 = String(20000 + ((i * 7919) % 79999)).padStart(5, '0');
    const deleted = i % 10 === 0;
    await write(
      `${c1}\t${c2}\t${i % 50 === 0 ? '*' : ''}\t20${String(10 + (i % 15)).padStart(2, '0')}0101\t${deleted ? '20251231' : '*'}\t${deleted ? 9 : i % 3 === 0 ? 0 : 1}\t${RATIONALES[i % RATIONALES.length]}\r\n`,
    );
  }
  w.end();
  await once(w, 'finish');
  console.log(`wrote ${rows.toLocaleString('en-US')} edits to ${out} in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  began = performance.now();
  let n = 0;
  for await (const e of parsePtp(path.basename(out), tableRows(fileSource(out)))) if (e.column1) n += 1;
  console.log(`read and checked ${n.toLocaleString('en-US')} edits in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
