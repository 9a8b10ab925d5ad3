import { badUserInput } from '../../errors/errors';
import { echo } from '../../common/code-format';
import { findSynonyms, searchWords, synonyms, type SynonymEntry } from './synonyms';

/** One way of reading the query: its words as typed, or with a synonym term replaced by what it stands for. */
export interface QueryVariant {
  words: string[];
  /** The synonym term this variant replaced (as the synonyms file writes it), null for the words as typed. */
  expandedFrom: string | null;
  /** What the term was replaced with, null for the words as typed. */
  expandedTo: string | null;
  /** Words of the variant that are a synonym term as typed ("mi"): their prefix matches ("migraine") count as weak. */
  termWords: string[];
}

export type SearchPlan =
  | { mode: 'code'; prefixes: string[]; text: string }
  /** `lucene` matches exact words and prefixes; `fuzzyLucene` also words one typo away, tried when `lucene` finds no code matching every word. */
  | { mode: 'text'; lucene: string; fuzzyLucene: string; variants: QueryVariant[] };

/** Joining words a query may hold that titles word differently ("nausea and vomiting" is "Nausea with vomiting"): not required. */
const JOINING = new Set(['and', 'of', 'the', 'with', 'or', 'in', 'for', 'to', 'a', 'an', 'on', 'by']);

const MAX_VARIANTS = 6;
/** Words of at least this many letters tolerate one typo (Lucene fuzzy, edit distance 1); from FUZZY_TWO on, two. */
export const FUZZY_ONE = 5;
export const FUZZY_TWO = 10;

/** The Lucene clause of one word: exact (boosted), prefix, and with `fuzzy` for long words one (two) typos away. */
function wordClause(word: string, fuzzy: boolean): string {
  if (fuzzy && word.length >= FUZZY_TWO) return `(${word}^3 OR ${word}* OR ${word}~2)`;
  if (fuzzy && word.length >= FUZZY_ONE) return `(${word}^3 OR ${word}* OR ${word}~1)`;
  return `(${word}^3 OR ${word}*)`;
}

/** A variant's required words: without joining words, unless nothing else is left. */
function required(words: string[]): string[] {
  const kept = words.filter((w) => !JOINING.has(w));
  return kept.length > 0 ? kept : words;
}

function luceneOf(variants: QueryVariant[], fuzzy: boolean): string {
  return variants.map((v) => `(${v.words.map((w) => wordClause(w, fuzzy)).join(' AND ')})`).join(' OR ');
}

/** The query as typed, then each synonym term replaced by each of its senses, then all terms replaced by their first sense. */
export function queryVariants(words: string[], table?: Map<string, SynonymEntry>): QueryVariant[] {
  const matches = findSynonyms(words, table);
  const termWords = matches.flatMap((m) => words.slice(m.start, m.start + m.length));
  const variants: QueryVariant[] = [{ words, expandedFrom: null, expandedTo: null, termWords }];
  const seen = new Set([words.join(' ')]);
  const add = (v: QueryVariant) => {
    const key = v.words.join(' ');
    if (variants.length < MAX_VARIANTS && !seen.has(key)) {
      seen.add(key);
      variants.push(v);
    }
  };
  const replaced = (chosen: Array<{ start: number; length: number; by: string[] }>) => {
    const out: string[] = [];
    let i = 0;
    for (const c of [...chosen].sort((a, b) => a.start - b.start)) {
      out.push(...words.slice(i, c.start), ...c.by);
      i = c.start + c.length;
    }
    return [...out, ...words.slice(i)];
  };
  if (matches.length > 1) {
    const chosen = matches.map((m) => ({ start: m.start, length: m.length, by: m.entry.expansions[0] }));
    add({
      words: replaced(chosen),
      expandedFrom: matches.map((m) => m.entry.term).join(', '),
      expandedTo: matches.map((m) => m.entry.expansions[0].join(' ')).join(', '),
      termWords: [],
    });
  }
  for (const m of matches) {
    for (const expansion of m.entry.expansions.slice(0, 3)) {
      add({
        words: replaced([{ start: m.start, length: m.length, by: expansion }]),
        expandedFrom: m.entry.term,
        expandedTo: expansion.join(' '),
        termWords: termWords.filter((w) => !words.slice(m.start, m.start + m.length).includes(w)),
      });
    }
  }
  return variants;
}

const MAX_TEXT = 200;
const MAX_WORDS = 12;
/** A code or the start of one: letters and digits, at least one digit, an optional dot after 3 characters. */
const CODE_PREFIX = /^(?=[^ ]*\d)[A-Z0-9]{1,3}(\.[A-Z0-9]{0,4}|[A-Z0-9]{0,4})$/;

/**
 * Turns what a user types into a search plan. A single token shaped like a code ("E11.", "e119",
 * "0DT", "J11") lists codes starting with it. Anything else is a word-prefix text search over titles,
 * inclusion terms and PCS body-part terms: every word must match the start of a word ("diab typ 2"
 * finds "Type 2 diabetes mellitus ..."), or for words of 5 letters or more be one typo away from one
 * ("diabetis"); the query is also tried with its synonym terms expanded (data/search/synonyms.tsv:
 * "copd" is "chronic obstructive pulmonary disease"). The candidates are ranked by search-ranking.ts.
 */
export function planSearch(raw: string): SearchPlan {
  const text = raw.trim();
  if (text.length === 0) throw badUserInput('Search text is empty: expected at least one letter or digit', { argument: 'text', value: raw });
  if (text.length > MAX_TEXT)
    throw badUserInput(`Search text ${echo(text)} is ${text.length} characters long; expected at most ${MAX_TEXT}`, { argument: 'text', value: raw });
  const upper = text.toUpperCase();
  // A code-shaped token that is a synonym term ("dm2", "t2dm") is searched as words.
  if (CODE_PREFIX.test(upper) && !synonyms().has(text.toLowerCase())) {
    const prefixes = [upper];
    // ICD-10-CM is stored with its dot: "E119" also means "E11.9".
    if (!upper.includes('.') && upper.length > 3 && /^[A-Z]/.test(upper)) prefixes.push(`${upper.slice(0, 3)}.${upper.slice(3)}`);
    return { mode: 'code', prefixes, text: upper };
  }
  const words = searchWords(text);
  if (words.length === 0) throw badUserInput(`Search text ${echo(text)} has no letters or digits`, { argument: 'text', value: raw });
  if (words.length > MAX_WORDS)
    throw badUserInput(`Search text ${echo(text)} has ${words.length} words; expected at most ${MAX_WORDS}`, { argument: 'text', value: raw });
  // Words are letters and digits only, so nothing in them is Lucene syntax.
  const variants = queryVariants(words).map((v) => ({ ...v, words: required(v.words) }));
  return { mode: 'text', lucene: luceneOf(variants, false), fuzzyLucene: luceneOf(variants, true), variants };
}
