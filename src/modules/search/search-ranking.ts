import { FUZZY_ONE, FUZZY_TWO, type QueryVariant } from './search-query';
import { searchWords } from './synonyms';

/** Which text of a code a search matched. */
export type MatchedField = 'CODE' | 'TITLE' | 'SHORT_TITLE' | 'INCLUSION_TERM' | 'PCS_BODY_PART_TERM';

/** A code the full-text index found, with every text of it that search looks at. */
export interface SearchCandidate {
  system: string;
  code: string;
  display: string;
  shortDisplay: string | null;
  /** The tabular list's Includes note of the code ("high blood pressure" under I10). */
  includes: string[] | null;
  inclusionTerms: string[] | null;
  pcsBodyPartTerms: string[] | null;
  /** Tabular order (ICD-10-CM order file), null where the system has none. */
  sequence: number | null;
}

export interface RankedMatch {
  score: number;
  why: string[];
  matchedText: string;
  matchedField: MatchedField;
  expandedFrom: string | null;
  expandedTo: string | null;
}

/**
 * Words that say "the default code" or join words: a title's words beyond the query count against
 * it, except these ("Urinary tract infection, site not specified" matches "urinary tract infection"
 * wholly) and words in parentheses (the tabular list's nonessential modifiers).
 */
const NEUTRAL = new Set([
  'unspecified',
  'specified',
  'not',
  'nos',
  'site',
  'without',
  'complication',
  'complications',
  'elsewhere',
  'classified',
  'of',
  'the',
  'and',
  'or',
  'in',
  'on',
  'to',
  'by',
  'a',
  'an',
  'for',
  'as',
  'at',
  'with',
  'due',
  'mellitus',
  'nec',
]);

/** Score of each tier; a tier is the kind of match, the rest of the score orders within a tier. */
const TIER = { exactCode: 100, exactText: 90, allWords: 70, weak: 45, spread: 25 } as const;
/** Scores from here up mean one text of the code holds every word of the query (or of an expansion) without typos. */
export const WHOLE_MATCH = 48;
const EXTRA_WORD = 2;
const MAX_EXTRA_PENALTY = 18;
const CODE_CHARACTER = 0.2;
const EXPANDED = 0.5;
/** A title saying "unspecified" / "NOS" / "not specified" is the default code a coder means by the bare condition. */
const DEFAULT_CODE = 1.5;
/** ICD-10-PCS titles read "<operation> <body part>, <approach>, <device>...": words after the first comma count this much. */
const PCS_DETAIL_WORD = 0.25;

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), as Lucene's fuzzy query counts edits. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}

type WordMatch = { kind: 'exact' | 'prefix' | 'fuzzy'; textWord: string } | null;

function matchWord(word: string, textWords: string[]): WordMatch {
  if (textWords.includes(word)) return { kind: 'exact', textWord: word };
  const prefixed = textWords.find((t) => t.startsWith(word));
  if (prefixed) return { kind: 'prefix', textWord: prefixed };
  if (word.length >= FUZZY_ONE) {
    const max = word.length >= FUZZY_TWO ? 2 : 1;
    const near = textWords.find((t) => editDistance(word, t, max) <= max);
    if (near) return { kind: 'fuzzy', textWord: near };
  }
  return null;
}

/**
 * The words of a text that count when judging whether a query covers it: outside parentheses, not
 * neutral, not in a "without ..." clause (what a code lacks makes it the default one).
 */
function significantWords(text: string): string[] {
  const plain = text.replace(/\([^)]*\)/g, ' ').replace(/\bwithout\b[^,;]*/gi, ' ');
  return searchWords(plain).filter((w) => !NEUTRAL.has(w));
}

/**
 * True when the text names the default: "unspecified", "NOS", "not specified" or "without ..."
 * about the code itself, not about what it comes with ("with unspecified complications" is not).
 */
function saysDefault(text: string): boolean {
  const own = text.replace(/\([^)]*\)/g, ' ').replace(/\bwith\b[^,;]*/gi, ' ');
  return /\b(unspecified|nos|not specified|without)\b/i.test(own);
}

/** The operation and body part of a PCS title: up to the first comma or " with " ("Replacement of Right Hip Joint"). */
function pcsHead(text: string): string {
  return text.split(/,| with /i)[0];
}

/** Penalty of the words beyond the query; for PCS titles, words after the first comma (approach, device) count less. */
function extraPenalty(extra: string[], text: string, pcs: boolean): number {
  if (!pcs) return Math.min(extra.length * EXTRA_WORD, MAX_EXTRA_PENALTY);
  const head = new Set(significantWords(pcsHead(text)));
  const inHead = extra.filter((w) => head.has(w)).length;
  return Math.min(inHead * EXTRA_WORD + (extra.length - inHead) * PCS_DETAIL_WORD, MAX_EXTRA_PENALTY);
}

interface TextOf {
  field: MatchedField;
  text: string;
}

function textsOf(c: SearchCandidate): TextOf[] {
  const texts: TextOf[] = [{ field: 'TITLE', text: c.display }];
  if (c.shortDisplay && c.shortDisplay !== c.display) texts.push({ field: 'SHORT_TITLE', text: c.shortDisplay });
  for (const t of c.includes ?? []) texts.push({ field: 'INCLUSION_TERM', text: t });
  for (const t of c.inclusionTerms ?? []) texts.push({ field: 'INCLUSION_TERM', text: t });
  for (const t of c.pcsBodyPartTerms ?? []) texts.push({ field: 'PCS_BODY_PART_TERM', text: t });
  return texts;
}

const FIELD_NAME: Record<MatchedField, string> = {
  CODE: 'code',
  TITLE: 'title',
  SHORT_TITLE: 'short title',
  INCLUSION_TERM: 'inclusion term',
  PCS_BODY_PART_TERM: 'PCS body-part term',
};

/**
 * Ranks one candidate against the query's variants: the best (variant, text) pair wins. Tiers, best
 * first: every word of the query equals a word of the text and the text has no other significant
 * word (exact title or term); every query word matches a word of one text exactly or as its start;
 * the same with a typo or a short abbreviation's prefix (weak); the words spread over several texts.
 * Within a tier: fewer significant words beyond the query, then fewer code characters (less
 * specific), then the words as typed before a synonym expansion. `why` says each of these.
 */
export function rankCandidate(c: SearchCandidate, variants: QueryVariant[]): RankedMatch {
  const texts = textsOf(c);
  let best: RankedMatch | null = null;
  const codeLength = c.code.replace('.', '').length;
  const isPcs = c.system === 'ICD10PCS';
  // Each text is split once, whatever the number of variants.
  const prepared = texts.map((t) => ({ ...t, words: searchWords(t.text), significant: significantWords(t.text) }));
  for (const v of variants) {
    for (const t of prepared) {
      const textWords = t.words;
      const matches: Array<{ word: string; match: WordMatch }> = [];
      for (const w of v.words) {
        const match = matchWord(w, textWords);
        if (match === null) break;
        matches.push({ word: w, match });
      }
      if (matches.length < v.words.length) continue;
      const why: string[] = [];
      const fuzzy = matches.filter((m) => m.match!.kind === 'fuzzy');
      const weakPrefix = matches.filter((m) => m.match!.kind === 'prefix' && v.termWords.includes(m.word));
      const matched = new Set(matches.map((m) => m.match!.textWord));
      const extra = t.significant.filter((w) => !matched.has(w));
      const pcsTitle = t.field === 'TITLE' && isPcs;
      const head = pcsTitle ? new Set(significantWords(pcsHead(t.text))) : null;
      const allExact = matches.every((m) => m.match!.kind === 'exact');
      let tier: number;
      if (fuzzy.length > 0 || weakPrefix.length > 0) {
        tier = TIER.weak;
        for (const f of fuzzy) why.push(`typo tolerated: "${f.word}" ~ "${f.match!.textWord}"`);
        for (const p of weakPrefix) why.push(`"${p.word}" is an abbreviation; "${p.match!.textWord}" only starts with it`);
      } else if (allExact && (head ? extra.every((w) => !head.has(w)) : extra.length === 0)) {
        tier = TIER.exactText;
        why.push(`exact ${FIELD_NAME[t.field]}`);
      } else {
        tier = TIER.allWords;
        why.push(`every word in the ${FIELD_NAME[t.field]}`);
      }
      if (extra.length > 0) why.push(`${extra.length} more word${extra.length === 1 ? '' : 's'} in the ${FIELD_NAME[t.field]}: ${extra.join(' ')}`);
      why.push(`${codeLength}-character code`);
      let score = tier - extraPenalty(extra, t.text, pcsTitle) - codeLength * CODE_CHARACTER;
      if (saysDefault(t.text)) {
        score += DEFAULT_CODE;
        why.push('the default (unspecified) code');
      }
      if (v.expandedFrom) {
        score -= EXPANDED;
        why.unshift(`expanded "${v.expandedFrom}" to "${v.expandedTo}" (synonyms file)`);
      }
      if (!best || score > best.score)
        best = { score, why, matchedText: t.text, matchedField: t.field, expandedFrom: v.expandedFrom, expandedTo: v.expandedTo };
    }
  }
  if (best) return { ...best, score: round(best.score) };
  // The full-text index matched the words across several texts (a title word and an inclusion-term word).
  const variant = variants[0];
  return {
    score: round(TIER.spread - codeLength * CODE_CHARACTER),
    why: ['the words match across several texts of the code', `${codeLength}-character code`],
    matchedText: c.display,
    matchedField: 'TITLE',
    expandedFrom: variant.expandedFrom,
    expandedTo: variant.expandedTo,
  };
}

/** The code-prefix listing: the code typed exactly first (as typed, then with the ICD-10-CM dot), then codes starting with it in code order. */
export function rankCodeHit(code: string, typed: string): RankedMatch {
  const asTyped = code === typed;
  const exact = asTyped || code.replace('.', '') === typed.replace('.', '');
  return {
    score: asTyped ? TIER.exactCode : exact ? TIER.exactCode - 0.5 : TIER.exactText,
    why: [exact ? 'exact code' : `code starts with "${typed}"`],
    matchedText: code,
    matchedField: 'CODE',
    expandedFrom: null,
    expandedTo: null,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Ranks candidates best first: by score, then tabular order, then code. */
export function rankCandidates<T extends SearchCandidate>(candidates: T[], variants: QueryVariant[]): Array<T & { match: RankedMatch }> {
  return candidates
    .map((c) => ({ ...c, match: rankCandidate(c, variants) }))
    .sort(
      (a, b) =>
        b.match.score - a.match.score ||
        (a.sequence ?? Number.MAX_SAFE_INTEGER) - (b.sequence ?? Number.MAX_SAFE_INTEGER) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
}
