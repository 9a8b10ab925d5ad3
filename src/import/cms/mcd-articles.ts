import { CodeSystemId } from '../../domain/code-system-id';
import { normalizeCode } from '../../common/code-format';
import { FileFormatError } from '../official/file-format-error';
import { foldRanges, mcdDate, mcdInteger, paragraphText, readMcdTable, requiredGroups, type GroupEntry, type McdTableName } from './mcd-tables';
import { tableRows, type TableSource } from './table-rows';

/** The tables of one MCD current-article download, by table name, and what the download is called. */
export interface McdSet {
  /** The download as found: `current_article.zip`, `current_article_csv.zip`, or the CSV folder's name. */
  name: string;
  tables: Map<McdTableName, TableSource>;
}

export type GroupKind = 'PROCEDURE' | 'COVERED' | 'NONCOVERED';

/** One code group of an article: its kind, number, paragraph and (covered groups) the groups it needs. */
export interface ArticleGroup {
  kind: GroupKind;
  number: number;
  /** The paragraph as the article gives it (HTML) and as plain text. */
  paragraph: string;
  paragraphText: string;
  /** Covered groups: the asterisk note (plain text), if any. */
  asteriskNote: string | null;
  /** Covered groups: the other covered groups a diagnosis must also come from (see requiredGroups). */
  requiresGroups: number[];
}

export interface Article {
  /** The display id, e.g. A59001. */
  id: string;
  articleId: number;
  version: number;
  articleType: number;
  title: string;
  publishedOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** The MCD's status letter (A approved, ...). */
  mcdStatus: string;
  lastUpdated: string | null;
  /** Related LCDs, e.g. L39001. */
  lcds: string[];
  /** Contractor keys ("501-1"). */
  contractors: string[];
  groups: ArticleGroup[];
}

export interface Contractor {
  /** contractor_id and contractor_type_id: "501-1". */
  id: string;
  contractorId: number;
  typeId: number;
  type: string | null;
  version: number;
  name: string;
  number: string;
  states: Array<{ abbrev: string; name: string; activeFrom: string | null; activeTo: string | null }>;
}

/** Everything of the download but its code lists, read and checked. */
export interface McdArticles {
  articles: Map<string, Article>;
  contractors: Map<string, Contractor>;
  /** The latest last_updated of article.csv: the date of the download's data. */
  fileDate: string | null;
  /** Rows that name an article version the download does not hold as current, by table. */
  otherVersionRows: number;
}

/** A code or range of a group, with the article it belongs to. */
export interface ArticleEntry extends GroupEntry {
  article: string;
  group: number;
  kind: 'CODE' | 'RANGE';
}

async function* records<T extends McdTableName>(set: McdSet, table: T) {
  const source = set.tables.get(table);
  if (!source) return;
  yield* readMcdTable(source.name, table, tableRows(source));
}

function nameOf(set: McdSet, table: McdTableName): string {
  return set.tables.get(table)?.name ?? `${table}.csv`;
}

const ARTICLE_KEY = (id: string, version: string) => `${id.trim()}|${version.trim()}`;

/**
 * Reads the download's small tables (articles, groups, contractors and their states, links to
 * LCDs) into memory and checks them. Every article of article.csv becomes one Article (a download
 * holding two versions of one article keeps the higher); rows of other versions are counted.
 */
export async function readMcdArticles(set: McdSet): Promise<McdArticles> {
  const byKey = new Map<string, Article>();
  const articles = new Map<string, Article>();
  let fileDate: string | null = null;
  const file = nameOf(set, 'article');
  for await (const r of records(set, 'article')) {
    const articleId = mcdInteger(file, r.line, 'article_id', r.article_id);
    const version = mcdInteger(file, r.line, 'article_version', r.article_version);
    const id = r.display_id.trim() !== '' ? r.display_id.trim() : `A${articleId}`;
    if (!/^[A-Z]{1,2}\d+$/.test(id)) throw new FileFormatError(file, r.line, `display_id "${r.display_id}" is not an article id: expected e.g. A59001`);
    const lastUpdated = mcdDate(file, r.line, 'last_updated', r.last_updated);
    if (lastUpdated && (fileDate === null || lastUpdated > fileDate)) fileDate = lastUpdated;
    const article: Article = {
      id,
      articleId,
      version,
      articleType: r.article_type.trim() === '' ? 0 : mcdInteger(file, r.line, 'article_type', r.article_type),
      title: r.title.trim(),
      publishedOn: mcdDate(file, r.line, 'article_pub_date', r.article_pub_date),
      effectiveFrom: mcdDate(file, r.line, 'article_eff_date', r.article_eff_date),
      effectiveTo: mcdDate(file, r.line, 'article_end_date', r.article_end_date),
      mcdStatus: r.status.trim(),
      lastUpdated,
      lcds: [],
      contractors: [],
      groups: [],
    };
    const seen = articles.get(id);
    if (seen && seen.version === version) throw new FileFormatError(file, r.line, `article ${id} version ${version} is listed twice`);
    if (!seen || seen.version < version) {
      if (seen) byKey.delete(ARTICLE_KEY(String(seen.articleId), String(seen.version)));
      articles.set(id, article);
      byKey.set(ARTICLE_KEY(String(articleId), String(version)), article);
    }
  }
  let otherVersionRows = 0;
  const of = (r: { article_id: string; article_version: string }) => {
    const article = byKey.get(ARTICLE_KEY(r.article_id, r.article_version));
    if (!article) otherVersionRows += 1;
    return article;
  };

  const groupTables = [
    ['article_x_hcpc_code_group', 'PROCEDURE', 'hcpc_code_group'],
    ['article_x_icd10_covered_group', 'COVERED', 'icd10_covered_group'],
    ['article_x_icd10_noncovered_group', 'NONCOVERED', 'icd10_noncovered_group'],
  ] as const;
  for (const [table, kind, column] of groupTables) {
    const groupFile = nameOf(set, table);
    for await (const r of records(set, table)) {
      const article = of(r);
      if (!article) continue;
      const number = mcdInteger(groupFile, r.line, column, (r as unknown as Record<string, string>)[column]);
      if (article.groups.some((g) => g.kind === kind && g.number === number))
        throw new FileFormatError(groupFile, r.line, `article ${article.id} ${column} ${number} is listed twice`);
      const ast = 'icd10_covered_ast' in r ? paragraphText(r.icd10_covered_ast) : '';
      article.groups.push({
        kind,
        number,
        paragraph: r.paragraph,
        paragraphText: paragraphText(r.paragraph),
        asteriskNote: ast === '' ? null : ast,
        requiresGroups: [],
      });
    }
  }
  for (const article of articles.values()) {
    const covered = new Set(article.groups.filter((g) => g.kind === 'COVERED').map((g) => g.number));
    for (const g of article.groups) {
      if (g.kind === 'COVERED') g.requiresGroups = requiredGroups(g.number, `${g.paragraphText} ${g.asteriskNote ?? ''}`, covered);
    }
    article.groups.sort((a, b) => a.kind.localeCompare(b.kind) || a.number - b.number);
  }

  const related = nameOf(set, 'article_related_documents');
  for await (const r of records(set, 'article_related_documents')) {
    const article = of(r);
    if (!article || r.r_lcd_id.trim() === '') continue;
    const lcd = `L${mcdInteger(related, r.line, 'r_lcd_id', r.r_lcd_id)}`;
    if (!article.lcds.includes(lcd)) article.lcds.push(lcd);
  }

  const types = new Map<string, string>();
  for await (const r of records(set, 'contractor_type_lookup')) types.set(r.contractor_type_id.trim(), r.description.trim());
  const states = new Map<string, { abbrev: string; name: string }>();
  const stateFile = nameOf(set, 'state_lookup');
  for await (const r of records(set, 'state_lookup')) {
    if (!/^[A-Z]{2}$/.test(r.state_abbrev.trim()))
      throw new FileFormatError(stateFile, r.line, `state_abbrev "${r.state_abbrev}": expected two capital letters`);
    states.set(r.state_id.trim(), { abbrev: r.state_abbrev.trim(), name: r.description.trim() });
  }
  const contractors = new Map<string, Contractor>();
  const contractorFile = nameOf(set, 'contractor');
  // The download keeps one row per contractor version; the highest is current.
  for await (const r of records(set, 'contractor')) {
    const contractorId = mcdInteger(contractorFile, r.line, 'contractor_id', r.contractor_id);
    const typeId = mcdInteger(contractorFile, r.line, 'contractor_type_id', r.contractor_type_id);
    const version = mcdInteger(contractorFile, r.line, 'contractor_version', r.contractor_version);
    const id = `${contractorId}-${typeId}`;
    const seen = contractors.get(id);
    if (seen && seen.version >= version) continue;
    contractors.set(id, {
      id,
      contractorId,
      typeId,
      type: types.get(String(typeId)) ?? null,
      version,
      name: r.contractor_bus_name.trim(),
      number: r.contractor_number.trim(),
      states: [],
    });
  }
  const jurisdictionFile = nameOf(set, 'contractor_jurisdiction');
  for await (const r of records(set, 'contractor_jurisdiction')) {
    const contractor = contractors.get(`${r.contractor_id.trim()}-${r.contractor_type_id.trim()}`);
    if (!contractor || String(contractor.version) !== r.contractor_version.trim()) continue;
    const state = states.get(r.state_id.trim());
    if (!state) throw new FileFormatError(jurisdictionFile, r.line, `state_id "${r.state_id}" is not in state_lookup.csv`);
    const entry = {
      ...state,
      activeFrom: mcdDate(jurisdictionFile, r.line, 'active_date', r.active_date),
      activeTo: mcdDate(jurisdictionFile, r.line, 'term_date', r.term_date),
    };
    const at = contractor.states.findIndex((s) => s.abbrev === state.abbrev);
    // A state served twice (ended, then served again): the open period, else the latest, is kept.
    if (at < 0) contractor.states.push(entry);
    else {
      const kept = contractor.states[at];
      const better = (kept.activeTo !== null && entry.activeTo === null) || (kept.activeTo !== null && (entry.activeFrom ?? '') > (kept.activeFrom ?? ''));
      if (better) contractor.states[at] = entry;
    }
  }
  for (const c of contractors.values()) c.states.sort((a, b) => a.abbrev.localeCompare(b.abbrev));

  const linkFile = nameOf(set, 'article_x_contractor');
  for await (const r of records(set, 'article_x_contractor')) {
    const article = of(r);
    if (!article) continue;
    const id = `${r.contractor_id.trim()}-${r.contractor_type_id.trim()}`;
    if (!contractors.has(id))
      throw new FileFormatError(linkFile, r.line, `contractor ${r.contractor_id} (type ${r.contractor_type_id}) is not in contractor.csv`);
    if (!article.contractors.includes(id)) article.contractors.push(id);
  }
  for (const a of articles.values()) {
    a.contractors.sort();
    a.lcds.sort();
  }
  return { articles, contractors, fileDate, otherVersionRows };
}

/** The code tables, each with the group column that numbers its groups and its kind. */
export const CODE_TABLES = [
  { table: 'article_x_hcpc_code', kind: 'PROCEDURE', group: 'hcpc_code_group', code: 'hcpc_code_id' },
  { table: 'article_x_icd10_covered', kind: 'COVERED', group: 'icd10_covered_group', code: 'icd10_code_id' },
  { table: 'article_x_icd10_noncovered', kind: 'NONCOVERED', group: 'icd10_noncovered_group', code: 'icd10_code_id' },
] as const;

export type CodeTable = (typeof CODE_TABLES)[number];

/**
 * The codes and ranges of one code table, group by group, streamed: consecutive rows of one
 * article's group fold into codes and ranges (foldRanges); a group must exist in its group table.
 * Codes are checked against their system's format (CPT/HCPCS, ICD-10-CM with its dot).
 */
export async function* articleEntries(set: McdSet, read: McdArticles, spec: CodeTable, counts: { otherVersions: number }): AsyncGenerator<ArticleEntry> {
  const file = nameOf(set, spec.table);
  const byKey = new Map<string, Article>();
  for (const a of read.articles.values()) byKey.set(ARTICLE_KEY(String(a.articleId), String(a.version)), a);
  let pending: Array<{ code: string; range: string; asterisk: boolean; line: number }> = [];
  let current: { article: Article; group: number } | null = null;
  const flush = function* (): Generator<ArticleEntry> {
    if (!current || pending.length === 0) return;
    for (const e of foldRanges(file, pending)) yield { ...e, article: current.article.id, group: current.group };
    pending = [];
  };
  for await (const r of records(set, spec.table)) {
    const article = byKey.get(ARTICLE_KEY(r.article_id, r.article_version));
    if (!article) {
      counts.otherVersions += 1;
      continue;
    }
    const raw = r as unknown as Record<string, string>;
    const group = mcdInteger(file, r.line, spec.group, raw[spec.group]);
    if (!article.groups.some((g) => g.kind === spec.kind && g.number === group))
      throw new FileFormatError(file, r.line, `article ${article.id} ${spec.group} ${group} has no row in ${spec.table}_group.csv`);
    const rawCode = raw[spec.code].trim().toUpperCase();
    const code =
      spec.kind === 'PROCEDURE'
        ? (normalizeCode(CodeSystemId.CPT, rawCode) ?? normalizeCode(CodeSystemId.HCPCS, rawCode))
        : normalizeCode(CodeSystemId.ICD10CM, rawCode);
    if (code === null)
      throw new FileFormatError(
        file,
        r.line,
        `${spec.code} "${raw[spec.code]}" is not ${spec.kind === 'PROCEDURE' ? 'a CPT/HCPCS code: expected five letters or digits' : 'an ICD-10-CM code: expected e.g. E11.65'}`,
      );
    if (!current || current.article !== article || current.group !== group) {
      yield* flush();
      current = { article, group };
    }
    pending.push({ code, range: raw.range, asterisk: (raw.asterisk ?? '').trim().toUpperCase() === 'Y', line: r.line });
  }
  yield* flush();
}

/**
 * The procedure codes a listed procedure range reaches, by counting: 0001U-0005U, 99202-99205,
 * J7613-J7620 (same letters, same width; at most 10,000 codes). Null when the ends do not share a
 * shape; the caller reports it.
 */
export function procedureRange(start: string, end: string): string[] | null {
  const shape = /^([A-Z]?)(\d+)([A-Z]?)$/;
  const a = shape.exec(start);
  const b = shape.exec(end);
  if (!a || !b || a[1] !== b[1] || a[3] !== b[3] || a[2].length !== b[2].length) return null;
  const from = Number(a[2]);
  const to = Number(b[2]);
  if (to < from || to - from >= 10_000) return null;
  const codes: string[] = [];
  for (let n = from; n <= to; n += 1) codes.push(`${a[1]}${String(n).padStart(a[2].length, '0')}${a[3]}`);
  return codes;
}
