import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface PtpRow {
  column1: string;
  column2: string;
  /** 0 not allowed, 1 allowed, 9 not applicable (a deleted edit). */
  modifier: 0 | 1 | 9;
  /** YYYYMMDD. */
  effective: string;
  /** YYYYMMDD, or null while in force (the file's "*"). */
  deleted: string | null;
  before1996: boolean;
  rationale: string;
}

/**
 * Writes a practitioner or outpatient PTP table in CMS's published tab-delimited layout: the
 * copyright lines, the header, the three label rows, then one edit per line, CRLF, Latin-1 (the
 * layout of test/fixtures/cms and data/sample/cms). Synthetic content for the benchmarks.
 */
export async function writePtpFile(file: string, rows: Iterable<PtpRow>): Promise<number> {
  const out = createWriteStream(file, { encoding: 'latin1' });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved.\r\n');
  await write('Synthetic file for a benchmark (codeset-graph).\r\n');
  await write(
    'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale\r\n\t\t\t\t*=no data\t0=not allowed\t\r\n\t\t\t\t\t1=allowed\t\r\n\t\t\t\t\t9=not applicable\t\r\n',
  );
  let n = 0;
  for (const r of rows) {
    await write(`${r.column1}\t${r.column2}\t${r.before1996 ? '*' : ''}\t${r.effective}\t${r.deleted ?? '*'}\t${r.modifier}\t${r.rationale}\r\n`);
    n += 1;
  }
  out.end();
  await once(out, 'finish');
  return n;
}
