/**
 * Code references in ICD-10-CM instructional-note text (Excludes1/2, Code first, Use additional
 * code, Code also) and their resolution to known codes, sections and chapters. Pure: no I/O.
 *
 * Forms found in the FY2023 Tabular List: its 10,401 notes of those five kinds hold 10,736
 * references (797 notes hold none, e.g. "code to identify:"). Per reference, as written:
 * - one code `(E02)`, `(A18.32)`, `(J09.X3)`, `(Z3A)`: 5,933
 * - a code family with dash `(A04.7-)`, `(T38.3X-)`: 1,860; with dot-dash `(E00.-)`, `(M1A.-)`: 1,739
 * - a truncated code `(I69. with final characters -23)`, `(J96. with 5th character 2)`: 12
 * - a range `(E00-E02)`, `(O00-O9A)`, `(C00-D49)`, `(V00-Y99)`, `(L97.1-L97.9)`: 1,155; with dashed
 *   ends `(T40.0-T40.2-)`: 15, `(K85-K86.-)`: 4, `(F11.-F17.-)`: 2; irregular spellings below: 16
 *   (662 ranges name codes, 450 a section, 80 a chapter against the FY2026 order file)
 * - lists `(B95, B96)`, `(F10.1-, F10.2-)`, `(E08.42, E09.42, E10.42)`, up to 17 items, mixed with
 *   ranges `(O03-O07, O08.0)`, `(X00-X19, X75-X77, X96-X98, Y92)`; separators `, ` `,` `; ` ` and `
 *   and a bare space after a dash (`I69.81- I69.91-`, which is a list: both are code families)
 * - text after the codes, inside or after the parentheses: `(T36-T65) with fifth or sixth
 *   character 5`, `(T36-T50 with fifth or sixth character 5)`, `(E08-E13 with .51-.52)`,
 *   `(S02.- with 7th character B)`, `(S92.-with 7th character B)`, `(I69. with final characters -23)`,
 *   `(J96. with 5th character 2)`, `(F10-F19, with .17, .27, .97)`; the code or range is the
 *   reference, the character restriction is not kept
 * - irregular range writing: `(I01.0 -I01.9)`, `(I70.2--I70.7-)`, `(P28.3- - P28.4-)`,
 *   `(Q70.0- -Q70.3-)`, `(F10.--F19.-)`, `(F10.- -F19.-)`, `(S00.- to S09.-)`, `(S12.0--S12.6.-)`,
 *   `(F98.2.-F98.3)`, and a doubled dot `(M47.2.-)`; a stray trailing comma `(K50.914,)` or space
 *   `(P03.82 )`; an unclosed parenthesis `(Z89.52-`
 * - outside parentheses (68 code-shaped words): `classified to A74.-`, `in A15`, `code from category O08`,
 *   `see categories E08-E10, E11, E13`, `jaw pain R68.84`. They are NOT targets (issue 16): the
 *   tabular list writes its references in parentheses, and words outside them describe
 *   ("pneumoconiosis with tuberculosis, any type in A15 (J65)" targets J65 only).
 * One range in the file is reversed, `(T63.81-R63.83)`; it names no code and stays unresolved.
 * Not references: free text in parentheses (`(nontoxic)`, `(with myxedema)`), code-shaped parts of
 * words (`G6PD`), dotted fragments (`.51-.52`).
 */

export type NoteReference =
  /** code: compact, no dot, no trailing '-', e.g. 'E00', 'T383X'; line: as written, e.g. 'T38.3X-' */
  | { kind: 'code'; code: string; line: string }
  /** start/end compact; line as written, e.g. 'T40.0-T40.2-' */
  | { kind: 'range'; start: string; end: string; line: string };

/** What a reference resolves to: a known code (compact) or a chapter name ("2") / section id ("E08-E13"). */
export type NoteTarget = { kind: 'code'; code: string } | { kind: 'category'; id: string };

/** Lookups the resolver needs; `createTargetIndex` builds one in memory. */
export interface TargetIndex {
  /** codes of the FY2026 order file (compact, no dot) */
  hasCode(compact: string): boolean;
  /** section id whose range is exactly start..end */
  sectionByRange(start: string, end: string): string | null;
  /** chapter name whose range is exactly start..end */
  chapterByRange(start: string, end: string): string | null;
  /**
   * The codes from start to the last code of end's subtree, in tabular (order-file) order, each
   * given once as the top of its subtree: "(B50.0-B54)" is B50.0, B50.8, B50.9, B51, B52, B53,
   * B54; "(D06-D07.3)" is D06, D07.0, D07.1, D07.2, D07.3 (not D07.4). Both ends must be known
   * codes; a reversed range gives [].
   */
  codesInRange(start: string, end: string): string[];
}

export interface ResolvedNote {
  targets: NoteTarget[];
  /** references (as written) that named nothing known */
  unresolved: string[];
}

/** A code as written: category, then an optional dot and 1-4 characters; not part of a longer word. */
const CODE = /(?<![A-Za-z0-9])[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?(?![A-Za-z0-9])/g;
/** What follows a code to mark "and its subcodes" (`.-`, `-`), or a truncated `I69. with ...`. */
const SUFFIX = /^(?:\.?-|\.(?=\s+[a-z]))/;
/** The gap between two codes that makes them a range: -, --, - -, " -", " to ", with the first code's own `.`/`-`. */
const RANGE_GAP = /^\.?-?\s*(?:-|to)\s*$/;
/** "I69.81- I69.91-": a family dash then only a space separates two list items, not a range. */
const FAMILY_THEN_SPACE = /^\.?-\s+$/;

interface Token {
  start: number;
  end: number;
  written: string;
}

function compact(written: string): string {
  return written.replace(/\./g, '');
}

/** Paren depth (0 = outside) at each token start; an unclosed "(" runs to the end of the text. */
function insideParentheses(text: string, tokens: Token[]): boolean[] {
  const inside: boolean[] = [];
  let depth = 0;
  let position = 0;
  for (const token of tokens) {
    for (; position < token.start; position++) {
      if (text[position] === '(') depth++;
      else if (text[position] === ')') depth = Math.max(0, depth - 1);
    }
    inside.push(depth > 0);
  }
  return inside;
}

/**
 * The code and range references of a note text, in the order written. See the module comment
 * for the forms; a text without references gives [].
 */
export function extractReferences(text: string): NoteReference[] {
  const tokens: Token[] = [...text.matchAll(CODE)].map((match) => ({ start: match.index, end: match.index + match[0].length, written: match[0] }));
  const inside = insideParentheses(text, tokens);
  const references: NoteReference[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    const next = tokens[i + 1];
    const gap = next === undefined ? '' : text.slice(first.end, next.start);
    const isRange = next !== undefined && RANGE_GAP.test(gap) && !FAMILY_THEN_SPACE.test(gap);
    if (isRange) i++;
    // Only references inside parentheses are targets; see the module comment.
    if (!inside[i - (isRange ? 1 : 0)]) continue;
    const last = isRange ? next : first;
    const end = last.end + (SUFFIX.exec(text.slice(last.end))?.[0].length ?? 0);
    const line = text.slice(first.start, end);
    references.push(
      isRange ? { kind: 'range', start: compact(first.written), end: compact(last.written), line } : { kind: 'code', code: compact(first.written), line },
    );
  }
  return references;
}

/**
 * The known code a code reference means: itself if known, else (placeholder X's stripped) the
 * nearest known ancestor down to 3 characters, since "T38.3X-" means "a code under T38.3".
 */
function resolveCode(code: string, index: TargetIndex): string | null {
  if (index.hasCode(code)) return code;
  for (let candidate = code.replace(/X+$/, ''); candidate.length >= 3; candidate = candidate.slice(0, -1)) {
    if (index.hasCode(candidate)) return candidate;
  }
  return null;
}

/**
 * Resolves every reference of a note text. A code resolves as in `resolveCode`; a range to the
 * section with exactly that range, else the chapter with exactly that range, else the known
 * codes in it (`codesInRange`). A reference naming nothing known is listed in `unresolved` (as
 * written). Targets are de-duplicated, first occurrence first. A text without references gives
 * `{ targets: [], unresolved: [] }`.
 */
export function resolveNote(text: string, index: TargetIndex): ResolvedNote {
  const targets = new Map<string, NoteTarget>();
  const unresolved: string[] = [];
  const addCode = (code: string) => targets.has(`code:${code}`) || targets.set(`code:${code}`, { kind: 'code', code });
  const addCategory = (id: string) => targets.has(`category:${id}`) || targets.set(`category:${id}`, { kind: 'category', id });
  for (const reference of extractReferences(text)) {
    if (reference.kind === 'code') {
      const code = resolveCode(reference.code, index);
      if (code === null) unresolved.push(reference.line);
      else addCode(code);
      continue;
    }
    const category = index.sectionByRange(reference.start, reference.end) ?? index.chapterByRange(reference.start, reference.end);
    if (category !== null) {
      addCategory(category);
      continue;
    }
    const [start, end] = [resolveCode(reference.start, index), resolveCode(reference.end, index)];
    const codes = start === null || end === null ? [] : index.codesInRange(start, end);
    if (codes.length === 0) unresolved.push(reference.line);
    codes.forEach(addCode);
  }
  return { targets: [...targets.values()], unresolved };
}

/**
 * An in-memory TargetIndex. `codes` are compact (no dot) and given in tabular order (the order
 * file's order), which places C4A, D3A, M1A and Z3A where the classification does, not where
 * string order would. When two sections or chapters share a range, the first one given wins.
 */
export function createTargetIndex(
  codes: Iterable<string>,
  sections: readonly { id: string; rangeStart: string; rangeEnd: string }[],
  chapters: readonly { name: string; rangeStart: string; rangeEnd: string }[],
): TargetIndex {
  const order: string[] = [];
  const position = new Map<string, number>();
  for (const code of codes) {
    if (position.has(code)) continue;
    position.set(code, order.length);
    order.push(code);
  }
  // subtreeEnd[i]: position of the last code of order[i]'s subtree (its descendants follow it).
  const subtreeEnd = new Int32Array(order.length);
  const open: number[] = [];
  for (let i = 0; i <= order.length; i++) {
    while (open.length > 0 && (i === order.length || !order[i].startsWith(order[open[open.length - 1]]))) subtreeEnd[open.pop()!] = i - 1;
    if (i < order.length) open.push(i);
  }
  const sectionRanges = new Map<string, string>();
  for (const section of sections) {
    const key = `${section.rangeStart}-${section.rangeEnd}`;
    if (!sectionRanges.has(key)) sectionRanges.set(key, section.id);
  }
  const chapterRanges = new Map<string, string>();
  for (const chapter of chapters) {
    const key = `${chapter.rangeStart}-${chapter.rangeEnd}`;
    if (!chapterRanges.has(key)) chapterRanges.set(key, chapter.name);
  }
  return {
    hasCode: (code) => position.has(code),
    sectionByRange: (start, end) => sectionRanges.get(`${start}-${end}`) ?? null,
    chapterByRange: (start, end) => chapterRanges.get(`${start}-${end}`) ?? null,
    codesInRange: (start, end) => {
      const from = position.get(start);
      const to = position.get(end);
      if (from === undefined || to === undefined || from > to) return [];
      const last = subtreeEnd[to];
      const found: string[] = [];
      // A subtree wholly inside is given by its top code; one that runs past the end is entered.
      for (let i = from; i <= last;) {
        if (subtreeEnd[i] <= last) {
          found.push(order[i]);
          i = subtreeEnd[i] + 1;
        } else i++;
      }
      return found;
    },
  };
}
