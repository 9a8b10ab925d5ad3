import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

/**
 * The NCD lab list read straight from its CSV and expanded against the order file, independently of
 * the importer, so tests compute what the graph should answer.
 */
export interface NcdRow {
  policy: string;
  entry: string;
  start: string;
  end: string;
  from: string | null;
  to: string | null;
  status: 'COVERED' | 'DENIED' | 'NOT_MEDICALLY_NECESSARY';
}

const STATUS = { '1': 'COVERED', '2': 'DENIED', '3': 'NOT_MEDICALLY_NECESSARY' } as const;

function csv(file: string): Array<Record<string, string>> {
  const raw = readFileSync(file);
  return parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
}

export function readNcdRows(file: string): NcdRow[] {
  return csv(file).map((r) => ({
    policy: r.ncd_id,
    entry: r.icd10cm,
    start: r.range_start,
    end: r.range_end,
    from: r.icd10_eff_date || null,
    to: r.icd10_term_date || null,
    status: STATUS[r.resolution_code as keyof typeof STATUS],
  }));
}

export function readNcdProcedures(file: string): Array<{ policy: string; code: string; from: string | null; to: string | null }> {
  return csv(file).map((r) => ({ policy: r.ncd_id, code: r.cpt_hcpcs_code, from: r.code_eff_date || null, to: r.code_term_date || null }));
}

export const inForce = (row: { from: string | null; to: string | null }, date: string) =>
  (row.from === null || row.from <= date) && (row.to === null || row.to >= date);
export const isDefault = (row: NcdRow) => row.start === '@@@@@@@';
export const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

/** Order-file codes in tabular order; expands an entry to the codes it reaches (compact form). */
export class OrderIndex {
  private readonly position = new Map<string, number>();

  constructor(readonly codes: ReadonlyArray<{ code: string; billable: boolean }>) {
    codes.forEach((c, i) => this.position.set(c.code, i));
  }

  has(code: string): boolean {
    return this.position.has(code);
  }

  /** The codes from position i while they start with `prefix` (a code and everything under it). */
  private family(i: number, prefix: string): string[] {
    const found: string[] = [];
    for (let k = i; k < this.codes.length && this.codes[k].code.startsWith(prefix); k++) found.push(this.codes[k].code);
    return found;
  }

  /** Present codes reached, and the entry's codes the release lacks (retired references). */
  expand(row: NcdRow): { codes: string[]; retired: string[] } {
    const i = this.position.get(row.start);
    const j = this.position.get(row.end);
    if (row.start === row.end) return i === undefined ? { codes: [], retired: [row.start] } : { codes: this.family(i, row.start), retired: [] };
    if (i === undefined || j === undefined) return { codes: [], retired: [row.start, row.end].filter((c) => !this.position.has(c)) };
    const codes = this.codes.slice(i, j).map((c) => c.code);
    return { codes: [...codes, ...this.family(j, row.end)], retired: [] };
  }
}
