import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';

/** The synonyms and abbreviations file `search` expands queries with (plain TSV, in the repository). */
export const SYNONYMS_FILE = path.join(PROJECT_ROOT, 'data', 'search', 'synonyms.tsv');

export interface SynonymEntry {
  /** The term as the file writes it ("copd", "heart attack"). */
  term: string;
  /** The term's words, as a query is split into words. */
  words: string[];
  /** What the term stands for, most common sense first, each as words. */
  expansions: string[][];
  source: string;
}

export class SynonymsFileError extends Error {
  override name = 'SynonymsFileError';
}

/** How search splits text into words: lower case, letters and digits, "'s" dropped ("athlete's" is "athlete"). */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Reads the synonyms file: `#` comment lines, a header `term expansions source`, then one entry a
 * line, tab-separated, expansions separated by `|`. Terms that split into the same words ("c section"
 * and "c-section") are merged; an expansion equal to its term is dropped. Throws naming the line
 * when a line does not have three fields or a field is empty.
 */
export function parseSynonyms(text: string, file = SYNONYMS_FILE): Map<string, SynonymEntry> {
  const entries = new Map<string, SynonymEntry>();
  let header = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const fail = (problem: string): never => {
      throw new SynonymsFileError(`${path.basename(file)} line ${index + 1}: ${problem}: ${JSON.stringify(line)}`);
    };
    const fields = line.split('\t');
    if (!header) {
      if (fields.join('\t') !== 'term\texpansions\tsource') fail('expected the header "term<TAB>expansions<TAB>source"');
      header = true;
      return;
    }
    if (fields.length !== 3) fail(`expected 3 tab-separated fields (term, expansions, source), found ${fields.length}`);
    const [term, expansionText, source] = fields.map((f) => f.trim()) as [string, string, string];
    const words = searchWords(term);
    if (words.length === 0) fail('expected a term with letters or digits');
    if (source === '') fail('expected a source note');
    const expansions = expansionText.split('|').map(searchWords);
    if (expansions.some((e) => e.length === 0)) fail('expected every expansion to have letters or digits');
    const key = words.join(' ');
    const entry = entries.get(key) ?? { term, words, expansions: [], source };
    for (const e of expansions) {
      const joined = e.join(' ');
      if (joined !== key && !entry.expansions.some((x) => x.join(' ') === joined)) entry.expansions.push(e);
    }
    if (entry.expansions.length > 0) entries.set(key, entry);
  });
  if (!header) throw new SynonymsFileError(`${path.basename(file)}: expected the header "term<TAB>expansions<TAB>source"`);
  return entries;
}

let loaded: Map<string, SynonymEntry> | null = null;

/** The repository's synonyms, read once. */
export function synonyms(): Map<string, SynonymEntry> {
  loaded ??= parseSynonyms(fs.readFileSync(SYNONYMS_FILE, 'utf8'));
  return loaded;
}

/** A place in a query where a synonym term stands: words [start, start + length). */
export interface SynonymMatch {
  start: number;
  length: number;
  entry: SynonymEntry;
}

const LONGEST_TERM = 5;

/** The synonym terms in a query's words, longest first, left to right, not overlapping. */
export function findSynonyms(words: string[], table: Map<string, SynonymEntry> = synonyms()): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  let i = 0;
  while (i < words.length) {
    let found: SynonymMatch | null = null;
    for (let length = Math.min(LONGEST_TERM, words.length - i); length >= 1 && !found; length--) {
      const entry = table.get(words.slice(i, i + length).join(' '));
      if (entry) found = { start: i, length, entry };
    }
    if (found) {
      matches.push(found);
      i += found.length;
    } else i++;
  }
  return matches;
}
