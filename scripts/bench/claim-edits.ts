import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../src/config';
import { findCmsTables, runCmsImport } from '../../src/import/cms/cms-import';
import { runMcdImport } from '../../src/import/cms/mcd-import';
import type { CypherExecutor } from '../../src/neo4j/executor';
import { writePtpFile, type PtpRow } from './ptp-file';

const RATIONALES = ['Standards of medical / surgical practice', 'Mutually exclusive procedures', 'Misuse of column two code with column one code'];

/**
 * Every edit family in the benchmark graph, so that validateClaim reads them all: a practitioner
 * PTP table with an edit between every two procedures the NCDs govern (the procedures of the
 * benchmark's claims), a practitioner MUE table for each of them, both written in CMS's published
 * layouts, and the sample's MCD article download (data/sample/cms). Idempotent: a second run
 * changes nothing. Returns what the graph then holds.
 */
export async function ensureClaimEdits(executor: CypherExecutor, driver: Driver): Promise<{ ptpEdits: number; mues: number; articles: number }> {
  const { records } = await driver.executeQuery(
    "MATCH (:Policy {kind: 'NCD', status: 'complete'})-[:GOVERNS]->(px:Code) RETURN DISTINCT px.code AS code ORDER BY code",
  );
  const codes = records.map((r) => String(r.get('code')));
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-edits-'));
  try {
    function* pairs(): Generator<PtpRow> {
      let i = 0;
      for (const a of codes)
        for (const b of codes) {
          if (a >= b) continue;
          yield {
            column1: a,
            column2: b,
            before1996: false,
            effective: '20200101',
            deleted: null,
            modifier: i % 3 === 0 ? 0 : 1,
            rationale: RATIONALES[i % 3],
          };
          i += 1;
        }
    }
    await writePtpFile(path.join(folder, 'ccipra-v999r0-f1.txt'), pairs());
    const mue = [
      '"CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved."',
      'HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale',
      ...codes.map((code, i) => `${code},${1 + (i % 3)},${i % 2 === 0 ? '1 Line Edit' : '3 Date of Service Edit: Clinical'},Clinical: Data`),
    ];
    writeFileSync(path.join(folder, 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv'), `${mue.join('\r\n')}\r\n`, 'latin1');
    const { tables } = await findCmsTables(folder);
    await runCmsImport(executor, tables);
    const { articles } = await findCmsTables(path.join(PROJECT_ROOT, 'data', 'sample', 'cms'));
    if (articles) await runMcdImport(executor, articles, { origin: 'sample' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const counted = await driver.executeQuery(
    `CALL () { MATCH ()-[e:PTP_EDIT]->() RETURN count(e) AS ptpEdits }
     CALL () { MATCH ()-[m:MUE]->() RETURN count(m) AS mues }
     CALL () { MATCH (a:Policy {kind: 'LCD_ARTICLE'}) RETURN count(a) AS articles }
     RETURN ptpEdits, mues, articles`,
  );
  const row = counted.records[0];
  return { ptpEdits: Number(row.get('ptpEdits')), mues: Number(row.get('mues')), articles: Number(row.get('articles')) };
}
