import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/** The recall query set of `npm run bench:search` (data/search/recall-queries.tsv). */
export const RECALL_FILE = path.join(PROJECT_ROOT, 'data', 'search', 'recall-queries.tsv');

export interface RecallQuery {
  query: string;
  /** Codes a coder accepts; "0DTJ*" accepts every code starting with 0DTJ. */
  accepted: string[];
  kind: string;
  line: number;
}

/** Reads the query set: `#` comments, a header `query accepted kind`, then tab-separated lines. */
export function readRecallQueries(text: string = readFileSync(RECALL_FILE, 'utf8')): RecallQuery[] {
  const out: RecallQuery[] = [];
  let header = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    if (!header) {
      if (line !== 'query\taccepted\tkind') throw new Error(`recall-queries.tsv line ${i + 1}: expected the header "query<TAB>accepted<TAB>kind"`);
      header = true;
      return;
    }
    const fields = line.split('\t');
    if (fields.length !== 3 || fields.some((f) => f.trim() === ''))
      throw new Error(`recall-queries.tsv line ${i + 1}: expected 3 non-empty tab-separated fields: ${JSON.stringify(line)}`);
    out.push({ query: fields[0], accepted: fields[1].split(/\s+/), kind: fields[2], line: i + 1 });
  });
  return out;
}

/** True when a coder accepts the code for the query. */
export function accepts(accepted: string[], code: string): boolean {
  return accepted.some((a) => (a.endsWith('*') ? code.startsWith(a.slice(0, -1)) : code === a));
}

/** The 1-based rank of the first accepted code, or null when none of `codes` is accepted. */
export function firstAcceptedRank(accepted: string[], codes: string[]): number | null {
  const i = codes.findIndex((c) => accepts(accepted, c));
  return i < 0 ? null : i + 1;
}

export interface RecallFigures {
  queries: number;
  hitAt1: number;
  hitAt5: number;
  hitAt10: number;
  mrr: number;
}

/** hit@1, hit@5, hit@10 (share of queries with an accepted code in the first k) and mean reciprocal rank (within the first 10). */
export function recallFigures(ranks: Array<number | null>): RecallFigures {
  const n = ranks.length;
  const share = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r !== null && r <= 10 ? 1 / r : 0), 0) / n;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { queries: n, hitAt1: round(share(1)), hitAt5: round(share(5)), hitAt10: round(share(10)), mrr: round(mrr) };
}

/** The p-th percentile (0-100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
