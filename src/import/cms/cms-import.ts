import { summarize } from '../import-runner';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { CypherExecutor } from '../../neo4j/executor';
import type { ImportSummary } from '../import-runner';
import type { ProgressListener } from '../import.repository';
import { procedureSystem } from '../ncd/policy-plan';
import type { CodePropertiesRow, PtpEditRow } from '../import-rows';
import type { BatchRow } from '../step-stats';
import { CmsEditRepository, type EditStatement } from './cms-edit.repository';
import { FirstSeen } from '../first-seen';
import { recognizeCms, type CmsFile } from './cms-files';
import { parseMue } from './mue.parser';
import { parsePtp } from './ptp.parser';
import { findMcdSet } from './mcd-import';
import type { McdSet } from './mcd-articles';
import { baseName, fileSource, tableRows, zipMembers, type TableSource } from './table-rows';

const BATCH_SIZE = 10_000;

/** A recognized CMS edit table: where it is and what its name says. */
export interface CmsTable {
  source: TableSource;
  file: Exclude<CmsFile, { kind: 'mcdArticles' }>;
}

function listFiles(dir: string, depth = 3): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return depth > 0 ? listFiles(full, depth - 1) : [];
    return entry.isFile() ? [full] : [];
  });
}

const FORM_RANK: Record<string, number> = { txt: 0, csv: 0, xlsx: 1 };

/**
 * The NCCI PTP and MUE tables in a folder, by their CMS names, on disk or inside CMS's zips. CMS
 * ships a table in two forms (text and .xlsx); when both are there the text form is read, the
 * other reported in `ignored`. The MCD current-article download (`current_article.zip`, its inner
 * `current_article_csv.zip` or the extracted CSV folder) comes back as `articles` (see findMcdSet).
 */
export async function findCmsTables(dir: string): Promise<{ tables: CmsTable[]; ignored: string[]; articles: McdSet | null }> {
  const candidates: TableSource[] = [];
  const ignored: string[] = [];
  for (const file of listFiles(dir).sort()) {
    const name = path.basename(file);
    const kind = recognizeCms(name);
    if (!kind) continue;
    if (kind.kind === 'mcdArticles') {
      continue;
    } else if (name.toLowerCase().endsWith('.zip')) {
      candidates.push(...(await zipMembers(fileSource(file))).filter((m) => recognizeCms(baseName(m)) && !baseName(m).toLowerCase().endsWith('.zip')));
    } else {
      candidates.push(fileSource(file));
    }
  }
  const byStem = new Map<string, TableSource>();
  for (const source of candidates) {
    const name = baseName(source);
    const stem = name.replace(/\.(txt|csv|xlsx)$/i, '').toLowerCase();
    const seen = byStem.get(stem);
    const rank = (s: TableSource) => FORM_RANK[baseName(s).split('.').pop()!.toLowerCase()] ?? 2;
    if (!seen) byStem.set(stem, source);
    else if (rank(source) < rank(seen)) {
      ignored.push(`${seen.name} (the text form ${source.name} is read)`);
      byStem.set(stem, source);
    } else ignored.push(`${source.name} (the text form ${seen.name} is read)`);
  }
  const tables = [...byStem.values()].map((source) => ({ source, file: recognizeCms(baseName(source)) as CmsTable['file'] }));
  const mcd = await findMcdSet(dir);
  return { tables, ignored: [...ignored, ...mcd.ignored], articles: mcd.set };
}

/** The EditSet id of a table: kind, setting and file version (the parts of a PTP version form one set). */
export function editSetId(file: CmsTable['file']): string {
  return `${file.kind.toUpperCase()}|${file.setting}|${file.version}`;
}

async function countRows(table: CmsTable): Promise<{ rows: number; codes: Map<string, { system: string; code: string }> }> {
  const codes = new Map<string, { system: string; code: string }>();
  const note = (code: string) => {
    const system = procedureSystem(code);
    if (system) codes.set(`${system}|${code}`, { system, code });
  };
  let rows = 0;
  if (table.file.kind === 'ptp') {
    for await (const e of parsePtp(table.source.name, tableRows(table.source))) {
      rows += 1;
      note(e.column1);
      note(e.column2);
    }
  } else {
    for await (const e of parseMue(table.source.name, table.file.setting, tableRows(table.source))) {
      rows += 1;
      note(e.code);
    }
  }
  return { rows, codes };
}

/**
 * Imports NCCI PTP and MUE tables. Every table is read and checked first (a malformed or
 * re-ordered file stops the import before anything is written, naming the file, the line and the
 * columns expected); then each is read again and written in batches. Each edit set stays
 * 'loading', its edits invisible to queries, until all of its batches are committed; an identical
 * second import changes nothing; an interrupted one is finished by the next run. Edits naming a
 * code the graph does not hold are counted, not written.
 */
export async function runCmsImport(
  executor: CypherExecutor,
  tables: CmsTable[],
  options: { onProgress?: ProgressListener; onRead?: (what: string, millis: number) => void } = {},
): Promise<ImportSummary> {
  const checked: Array<{ table: CmsTable; rows: number; codes: Map<string, { system: string; code: string }> }> = [];
  for (const table of tables) {
    const began = performance.now();
    checked.push({ table, ...(await countRows(table)) });
    options.onRead?.(`${table.source.name} checked`, performance.now() - began);
  }
  const began = Date.now();
  const repository = new CmsEditRepository(executor, options.onProgress);
  const before = await repository.graphCounts();
  const unresolved: Record<string, number> = {};
  const missing = (what: string, n: number) => {
    if (n > 0) unresolved[what] = (unresolved[what] ?? 0) + n;
  };
  const changedSets = new Map<string, { step: string; changed: boolean }>();
  const firstSeen = new Map<string, FirstSeen | null>();
  for (const { table, rows, codes } of checked) {
    const { file, source } = table;
    const present = await repository.presentKeys([...codes.values()]);
    const has = (code: string) => {
      const system = procedureSystem(code);
      return system !== null && present.has(`${system}|${code}`) ? system : null;
    };
    const id = editSetId(file);
    const step = `${file.kind === 'ptp' ? 'PTP' : 'MUE'} ${file.setting.toLowerCase().replace('_', ' ')} ${file.version}`;
    const changesBefore = repository.totalChanges();
    const fresh = await repository.beginSet(step, id, { kind: file.kind.toUpperCase(), setting: file.setting, version: file.version, publisher: 'CMS' });
    // A set that held no edge when this import first began it is written with CREATE, all of its
    // parts (f1 … f4) too: every edge of it is then one this import wrote and `seen` remembers.
    if (!firstSeen.has(id)) firstSeen.set(id, fresh ? new FirstSeen() : null);
    const seen = firstSeen.get(id) ?? null;
    let done = 0;
    let skipped = 0;
    /** Writes the batch once it is full (with `last`, whatever it holds) and empties it. */
    const flush = async <N extends EditStatement>(name: N, batch: Array<BatchRow<N>>, last = false) => {
      if (batch.length === 0 || (!last && batch.length < BATCH_SIZE)) return;
      await repository.writeBatch(step, name, batch.splice(0), id, done, rows);
    };
    if (file.kind === 'ptp') {
      // `created`: first rows of edges of a fresh set (CREATE); `merged`: the rest (MERGE), each
      // written after the created batch before it is committed, so a repeat finds its edge.
      const created: PtpEditRow[] = [];
      const merged: PtpEditRow[] = [];
      const flushPtp = async (last = false) => {
        if (last || created.length >= BATCH_SIZE) await flush('import/ptp-edits-new', created, true);
        if (last || merged.length >= BATCH_SIZE) {
          await flush('import/ptp-edits-new', created, true);
          await flush('import/ptp-edits', merged, true);
        }
      };
      for await (const e of parsePtp(source.name, tableRows(source))) {
        done += 1;
        const s1 = has(e.column1);
        const s2 = has(e.column2);
        if (!s1 || !s2) {
          skipped += 1;
        } else {
          const key = `${id}|${e.effectiveFrom}`;
          const first = seen !== null && !seen.isRepeat(`${s1}|${e.column1}|${s2}|${e.column2}|${key}`);
          (first ? created : merged).push({
            system1: s1,
            code1: e.column1,
            system2: s2,
            code2: e.column2,
            key,
            props: {
              setId: id,
              setting: file.setting,
              fileVersion: file.version,
              sourceFile: baseName(source),
              modifierIndicator: e.modifierIndicator,
              effectiveFrom: e.effectiveFrom,
              effectiveTo: e.effectiveTo,
              rationale: e.rationale,
              before1996: e.before1996,
            },
          });
        }
        await flushPtp();
      }
      await flushPtp(true);
      missing('PTP edits naming a code the graph does not hold (not written)', skipped);
    } else {
      const batch: CodePropertiesRow[] = [];
      for await (const e of parseMue(source.name, file.setting, tableRows(source))) {
        done += 1;
        const system = has(e.code);
        if (!system) skipped += 1;
        else
          batch.push({
            system,
            code: e.code,
            props: {
              setting: file.setting,
              fileVersion: file.version,
              sourceFile: baseName(source),
              units: e.units,
              adjudication: e.adjudication,
              adjudicationText: e.adjudicationText,
              rationale: e.rationale,
            },
          });
        await flush('import/mue-edits', batch);
      }
      await flush('import/mue-edits', batch, true);
      missing('MUEs of a code the graph does not hold (not written)', skipped);
    }
    options.onProgress?.(step, rows, rows);
    const earlier = changedSets.get(id);
    changedSets.set(id, { step: earlier?.step ?? step, changed: (earlier?.changed ?? false) || repository.totalChanges() > changesBefore });
  }
  // Sets complete last, so the parts of one PTP version (f1 … f4) become visible together.
  for (const [id, { step, changed }] of changedSets) await repository.completeSet(step, id, changed);
  return summarize(repository, before, began, {}, unresolved);
}
