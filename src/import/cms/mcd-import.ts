import { summarize } from '../import-runner';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { canonicalCode, compactCode } from '../../common/code-format';
import { codeKeyString } from '../../domain/code-key';
import { CodeSystemId } from '../../domain/code-system-id';
import { NOT_IN_A_COVERED_GROUP, PairingStatus } from '../../domain/pairing';
import type { CypherExecutor } from '../../neo4j/executor';
import type { CodeRow, LcdGovernsRow, LcdListingRow } from '../import-rows';
import type { ImportSummary } from '../import-runner';
import type { ProgressListener } from '../import.repository';
import { FileFormatError } from '../official/file-format-error';
import { procedureSystem } from '../ncd/policy-plan';
import { TabularOrder } from '../ncd/tabular-order';
import { LcdArticleRepository } from './lcd-article.repository';
import { articleEntries, CODE_TABLES, procedureRange, readMcdArticles, type Article, type ArticleEntry, type McdArticles, type McdSet } from './mcd-articles';
import { MCD_TABLES, OPTIONAL_MCD_TABLES, type McdTableName } from './mcd-tables';
import { baseName, fileSource, zipMembers, type TableSource } from './table-rows';

const TABLE_NAMES = new Set(Object.keys(MCD_TABLES));
const OUTER = /^current_article\.zip$/i;
const INNER = /^current_article_csv\.zip$/i;

function tablesOf(sources: readonly TableSource[]): Map<McdTableName, TableSource> {
  const tables = new Map<McdTableName, TableSource>();
  for (const source of sources) {
    const name = baseName(source).toLowerCase();
    const table = name.replace(/\.csv$/, '');
    if (name.endsWith('.csv') && TABLE_NAMES.has(table)) tables.set(table as McdTableName, source);
  }
  return tables;
}

function walk(dir: string, depth = 3): Array<{ full: string; directory: boolean }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return [{ full, directory: true }, ...(depth > 0 ? walk(full, depth - 1) : [])];
    return entry.isFile() ? [{ full, directory: false }] : [];
  });
}

/**
 * The Medicare Coverage Database current-article download in a folder, by its CMS names: the
 * outer `current_article.zip` (which holds `current_article_csv.zip`), the inner zip on its own, or
 * a folder of its extracted CSV tables (one holding `article.csv` and `article_x_hcpc_code.csv`).
 * When the folder holds more than one form, the first of outer zip, inner zip, CSV folder is read
 * and the others are reported in `ignored`.
 */
export async function findMcdSet(dir: string): Promise<{ set: McdSet | null; ignored: string[] }> {
  const found: Array<{ rank: number; set: McdSet }> = [];
  for (const { full, directory } of walk(dir).sort((a, b) => a.full.localeCompare(b.full))) {
    const name = path.basename(full);
    if (!directory && (OUTER.test(name) || INNER.test(name))) {
      found.push({ rank: OUTER.test(name) ? 0 : 1, set: { name, tables: tablesOf(await zipMembers(fileSource(full))) } });
    } else if (directory && existsSync(path.join(full, 'article.csv')) && existsSync(path.join(full, 'article_x_hcpc_code.csv'))) {
      const sources = readdirSync(full)
        .filter((f) => f.toLowerCase().endsWith('.csv'))
        .map((f) => fileSource(path.join(full, f)));
      found.push({ rank: 2, set: { name, tables: tablesOf(sources) } });
    }
  }
  found.sort((a, b) => a.rank - b.rank);
  const [first, ...rest] = found;
  return { set: first?.set ?? null, ignored: rest.map((f) => `${f.set.name} (the MCD article download ${first.set.name} is read)`) };
}

const STATUS: Record<'COVERED' | 'NONCOVERED', string> = { COVERED: PairingStatus.COVERED, NONCOVERED: PairingStatus.NOT_MEDICALLY_NECESSARY };

interface Checked {
  read: McdArticles;
  procedureCodes: Map<string, { system: string; code: string }>;
  unresolved: Record<string, number>;
}

/** Reads and checks the whole download: any malformed or re-ordered table stops here, before a write. */
async function check(set: McdSet): Promise<Checked> {
  for (const table of Object.keys(MCD_TABLES) as McdTableName[]) {
    if (!set.tables.has(table) && !OPTIONAL_MCD_TABLES.has(table))
      throw new FileFormatError(
        `${set.name}!${table}.csv`,
        0,
        `the MCD article download ${set.name} has no ${table}.csv: expected the tables ${Object.keys(MCD_TABLES).join(', ')}.csv`,
      );
  }
  const read = await readMcdArticles(set);
  const procedureCodes = new Map<string, { system: string; code: string }>();
  const counts = { otherVersions: 0 };
  const unresolved: Record<string, number> = {};
  for (const spec of CODE_TABLES) {
    for await (const entry of articleEntries(set, read, spec, counts)) {
      if (spec.kind !== 'PROCEDURE') continue;
      for (const code of entry.kind === 'RANGE' ? (procedureRange(entry.start, entry.end) ?? []) : [entry.start]) {
        const system = procedureSystem(code);
        if (system) procedureCodes.set(codeKeyString({ system, code }), { system, code });
      }
    }
  }
  const other = read.otherVersionRows + counts.otherVersions;
  if (other > 0) unresolved['MCD rows of an article version the download does not hold as current (not written)'] = other;
  return { read, procedureCodes, unresolved };
}

function count(unresolved: Record<string, number>, what: string, n = 1): void {
  if (n > 0) unresolved[what] = (unresolved[what] ?? 0) + n;
}

/**
 * Imports the LCD billing articles of an MCD current-article download. The download is read and
 * checked whole first (nothing is written when a table's header is missing a column or has them
 * in another order, or a row is malformed: the error names the file, the line and the columns
 * expected); then each article becomes a Policy of kind LCD_ARTICLE with its code groups
 * (HAS_GROUP), its procedure codes (GOVERNS), its covered and non-covered diagnoses (LISTS, status
 * COVERED or NOT_MEDICALLY_NECESSARY, ranges expanded in tabular order) and its contractors with
 * the states they serve, written in batches. A new article stays 'loading', invisible, until all of
 * it is written; an identical second import changes nothing; what a newer download dropped is
 * pruned.
 */
export async function runMcdImport(
  executor: CypherExecutor,
  set: McdSet,
  options: { onProgress?: ProgressListener; onRead?: (what: string, millis: number) => void; origin?: 'official' | 'sample' } = {},
): Promise<ImportSummary> {
  const readBegan = performance.now();
  const { read, procedureCodes, unresolved } = await check(set);
  options.onRead?.(`${set.name} checked`, performance.now() - readBegan);
  const began = Date.now();
  const repository = new LcdArticleRepository(executor, options.onProgress);
  const before = await repository.graphCounts();
  const changesBefore = repository.totalChanges();
  const sequence = await repository.icd10cmSequence();
  const order = new TabularOrder(
    sequence.some((c) => c.sequence === null)
      ? [...sequence].sort((a, b) => a.code.localeCompare(b.code)).map((c, i) => ({ code: compactCode(c.code), sequence: i + 1 }))
      : sequence.map((c) => ({ code: compactCode(c.code), sequence: c.sequence! })),
  );
  const presence = await repository.codesPresent([...procedureCodes.values()]);
  const articles = [...read.articles.values()];

  await repository.batches(
    'LCD articles',
    'import/lcd-articles',
    articles.map((a) => ({
      id: a.id,
      publisher: 'CMS',
      props: {
        kind: 'LCD_ARTICLE',
        title: a.title,
        articleId: a.articleId,
        version: String(a.version),
        articleType: a.articleType,
        mcdStatus: a.mcdStatus,
        publishedOn: a.publishedOn,
        effectiveFrom: a.effectiveFrom,
        effectiveTo: a.effectiveTo,
        lastUpdated: a.lastUpdated,
        lcds: a.lcds,
        origin: options.origin ?? 'official',
        sourceFiles: [set.name],
        fileDate: read.fileDate,
        // An article lists the diagnoses that support its codes: with covered groups, any other code
        // does not (the rule justifiedBy, justifies and checkPairing apply; see article-evidence).
        ...articleDefault(a),
        retiredOn: null,
      },
    })),
  );
  const groups = articles.flatMap((a) =>
    a.groups.map((g) => ({
      policy: a.id,
      id: `${a.id}|${g.kind}|${g.number}`,
      props: {
        kind: g.kind,
        number: g.number,
        policyId: a.id,
        paragraph: g.paragraph,
        paragraphText: g.paragraphText,
        asteriskNote: g.asteriskNote,
        requiresGroups: g.requiresGroups,
        requiresSecondGroup: g.requiresGroups.length > 0,
      },
    })),
  );
  await repository.batches('LCD article groups', 'import/lcd-groups', groups);
  await repository.batches(
    'MCD contractors',
    'import/lcd-contractors',
    [...read.contractors.values()].map((c) => ({
      id: c.id,
      props: { contractorId: c.contractorId, typeId: c.typeId, type: c.type, version: c.version, name: c.name, number: c.number },
      states: c.states,
    })),
  );
  await repository.batches(
    'MCD contractors',
    'import/lcd-administered',
    articles.map((a) => ({ policy: a.id, contractors: a.contractors })),
  );

  // Procedure codes: one GOVERNS per article and code, naming its groups.
  const keep = new Map(
    articles.map((a) => [a.id, { listings: [] as string[], governs: [] as string[], groups: a.groups.map((g) => `${a.id}|${g.kind}|${g.number}`) }]),
  );
  const governs = new Map<
    string,
    LcdGovernsRow & { props: { groups: number[]; listedAs: string[]; effectiveFrom: string | null; effectiveTo: string | null } }
  >();
  const references = new Map<string, CodeRow>();
  const procedures = CODE_TABLES[0];
  const counts = { otherVersions: 0 };
  for await (const entry of articleEntries(set, read, procedures, counts)) {
    const article = read.articles.get(entry.article)!;
    const codes = entry.kind === 'RANGE' ? procedureRange(entry.start, entry.end) : [entry.start];
    if (codes === null) {
      count(unresolved, 'LCD procedure ranges whose ends do not share a shape (not written)');
      continue;
    }
    for (const code of codes) {
      const system = procedureSystem(code)!;
      const key = codeKeyString({ system, code });
      const present = presence.get(key) ?? { present: false, systemLoaded: false };
      if (!present.present) {
        if (entry.kind === 'RANGE') {
          count(unresolved, 'codes inside LCD procedure ranges that the graph does not hold (not written)');
          continue;
        }
        if (!references.has(key))
          references.set(key, referenceRow(system, code, present.systemLoaded, `LCD article ${article.id} ${article.title}`, unresolved));
      }
      const id = `${article.id}#${key}`;
      const seen = governs.get(id);
      if (seen) {
        if (!seen.props.groups.includes(entry.group)) seen.props.groups.push(entry.group);
        if (!seen.props.listedAs.includes(entry.listedAs)) seen.props.listedAs.push(entry.listedAs);
      } else {
        governs.set(id, {
          policy: article.id,
          system,
          code,
          props: { groups: [entry.group], listedAs: [entry.listedAs], effectiveFrom: article.effectiveFrom, effectiveTo: article.effectiveTo },
        });
        keep.get(article.id)!.governs.push(key);
      }
    }
  }

  // Diagnoses: each covered or non-covered entry expanded against the loaded ICD-10-CM codes.
  const listings: LcdListingRow[] = [];
  const seen = new Set<string>();
  let approximate = 0;
  for (const spec of CODE_TABLES.slice(1)) {
    const kind = spec.kind as 'COVERED' | 'NONCOVERED';
    for await (const entry of articleEntries(set, read, spec, counts)) {
      const article = read.articles.get(entry.article)!;
      const expanded = entryTargets(order, entry);
      if (expanded.approximate) approximate += 1;
      const key = `${kind}|${entry.group}|${entry.listedAs}`;
      for (const target of expanded.targets) {
        const code = canonicalCode(CodeSystemId.ICD10CM, target.code);
        const edge = `${article.id}#${code}#${key}`;
        if (seen.has(edge)) continue;
        seen.add(edge);
        if (target.retired) {
          const refKey = codeKeyString({ system: CodeSystemId.ICD10CM, code });
          if (!references.has(refKey)) {
            count(unresolved, 'diagnosis codes LCD articles list that the loaded ICD-10-CM release lacks (kept as retired references)');
            references.set(refKey, {
              system: CodeSystemId.ICD10CM,
              code,
              labels: ['Retired'],
              props: {
                display: `${code}: not in the loaded ICD-10-CM release; listed by LCD article ${article.id}`,
                shortDisplay: null,
                billable: false,
                kind: 'CODE',
                role: 'DIAGNOSIS',
                retired: true,
              },
            });
          }
        }
        listings.push({
          policy: article.id,
          system: CodeSystemId.ICD10CM,
          code,
          key,
          props: {
            status: STATUS[kind],
            listedAs: entry.listedAs,
            via: target.via,
            group: entry.group,
            groupKind: kind,
            asterisk: entry.asterisk,
            effectiveFrom: article.effectiveFrom,
            effectiveTo: article.effectiveTo,
            retired: target.retired,
          },
        });
        keep.get(article.id)!.listings.push(`${code}#${key}`);
      }
    }
  }
  count(unresolved, 'LCD diagnosis ranges with an end the loaded ICD-10-CM release lacks (placed by code order)', approximate);

  await repository.batches('LCD article codes', 'import/policy-reference-codes', [...references.values()]);
  const codeTotal = governs.size + listings.length;
  await repository.batches('LCD article codes', 'import/lcd-governs', [...governs.values()], codeTotal);
  await repository.batches('LCD article codes', 'import/lcd-listings', listings, codeTotal, governs.size);
  for (const [policy, kept] of keep) await repository.prune('LCD articles', policy, kept);
  const changed = repository.totalChanges() > changesBefore;
  // Articles complete last: only then do queries see them.
  for (const a of articles) await repository.complete('LCD articles', a.id, changed);
  // The download is the whole set of current articles: one it no longer holds is retired.
  const retired = await repository.retireAbsent(
    'LCD articles',
    articles.map((a) => a.id),
    read.fileDate,
  );
  count(unresolved, 'LCD articles this download no longer holds (retired, kept for the record)', retired.length);
  options.onProgress?.('LCD articles', articles.length, articles.length);
  return summarize(repository, before, began, {}, unresolved);
}

/** The rule for the codes an article does not list: none without covered groups (it says nothing about diagnoses). */
function articleDefault(a: Article): Record<string, string | null> {
  const covered = a.groups.some((g) => g.kind === 'COVERED');
  return {
    defaultStatus: covered ? PairingStatus.NOT_MEDICALLY_NECESSARY : null,
    defaultListedAs: covered ? NOT_IN_A_COVERED_GROUP : null,
    defaultEffectiveFrom: covered ? a.effectiveFrom : null,
    defaultEffectiveTo: covered ? a.effectiveTo : null,
  };
}

function entryTargets(order: TabularOrder, entry: ArticleEntry) {
  const start = compactCode(entry.start);
  return entry.kind === 'RANGE' ? order.expandRange(start, compactCode(entry.end)) : { targets: order.expandCode(start), approximate: false };
}

/** A procedure code an article names that the graph lacks: a CPT placeholder (no licensed descriptors), else a retired reference. */
function referenceRow(system: CodeSystemId, code: string, systemLoaded: boolean, by: string, unresolved: Record<string, number>): CodeRow {
  if (systemLoaded && system !== CodeSystemId.CPT) {
    count(unresolved, `LCD procedure codes absent from the loaded ${system} release (kept as retired references)`);
    return {
      system,
      code,
      labels: ['Retired'],
      props: {
        display: `${system} ${code}: not in the loaded ${system} release; named by ${by}`,
        shortDisplay: null,
        billable: false,
        kind: 'CODE',
        role: 'PROCEDURE',
        retired: true,
      },
    };
  }
  count(unresolved, `LCD procedure codes the graph lacks, written as placeholders (${system}: no licensed descriptors or no release loaded)`);
  return {
    system,
    code,
    labels: ['Procedure', system, 'Published'],
    props: {
      display: `${system} ${code}: ${system === CodeSystemId.CPT ? 'descriptor not loaded (licensed by the AMA)' : 'no release of this system loaded'}; governed by ${by}`,
      shortDisplay: null,
      billable: true,
      kind: 'CODE',
      role: 'PROCEDURE',
      placeholder: true,
    },
  };
}
