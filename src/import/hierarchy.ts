import { CodeSystemId } from '../domain/code-system-id';
import type { CategoryRecord } from './records';
import { codeKeyString } from '../domain/code-key';

/**
 * Parent links by the ICD-10-CM order-file rule: a code's parent is the nearest shorter code that
 * is a prefix of it (S52521A -> S52521 -> S5252 -> S525 -> S52). Takes compact codes (no dot) and
 * returns child -> parent for every code that has one.
 */
export function parentsByPrefix(codes: Iterable<string>): Map<string, string> {
  const known = new Set(codes);
  const parents = new Map<string, string>();
  for (const code of known) {
    for (let length = code.length - 1; length >= 3; length--) {
      const prefix = code.slice(0, length);
      if (known.has(prefix)) {
        parents.set(code, prefix);
        break;
      }
    }
  }
  return parents;
}

/** CPT ranges compare only codes of the same shape: 5 digits, or 4 digits and the same letter (F, T). */
function sameCptShape(a: string, b: string): boolean {
  const last = (s: string) => (/\d/.test(s.slice(-1)) ? '#' : s.slice(-1));
  return a.length === b.length && last(a) === last(b);
}

function inRange(system: CodeSystemId, code: string, start: string, end: string): boolean {
  if (system === CodeSystemId.CPT && !(sameCptShape(code, start) && sameCptShape(code, end))) return false;
  const probe = code.slice(0, start.length);
  return probe >= start && probe <= end;
}

function covers(category: CategoryRecord, code: string): boolean {
  if (category.rangeStart && category.rangeEnd) return inRange(category.system, code, category.rangeStart, category.rangeEnd);
  return code.startsWith(category.code);
}

/** How wide a category's span is, for choosing the most specific of two at the same depth (C7A: C7A-C7A, not C76-C80). */
function breadth(category: CategoryRecord): number {
  if (!category.rangeStart || !category.rangeEnd) return 0;
  return category.rangeStart === category.rangeEnd ? 1 : 2;
}

/**
 * Files codes into the most specific category that covers them: a range (ICD-10-CM blocks, CPT
 * sections) or a code prefix (PCS tables, HCPCS letter sections). Deeper categories win, then
 * narrower ones. Answers are cached by the part of the code that categories look at.
 */
export class CategoryIndex {
  private readonly bySystem = new Map<CodeSystemId, { list: CategoryRecord[]; keyLength: number; cache: Map<string, CategoryRecord | null> }>();

  constructor(categories: CategoryRecord[]) {
    const byKey = new Map(categories.map((c) => [codeKeyString(c), c]));
    const depth = (c: CategoryRecord): number => {
      let d = 0;
      for (let p = c.parent; p !== null; p = byKey.get(codeKeyString({ system: c.system, code: p }))?.parent ?? null) d++;
      return d;
    };
    const ranked = new Map<CodeSystemId, Array<{ category: CategoryRecord; depth: number }>>();
    for (const category of categories) {
      const list = ranked.get(category.system) ?? [];
      list.push({ category, depth: depth(category) });
      ranked.set(category.system, list);
    }
    for (const [system, list] of ranked) {
      list.sort((a, b) => b.depth - a.depth || breadth(a.category) - breadth(b.category));
      const keyLength = Math.max(...list.map(({ category: c }) => Math.max(c.rangeStart?.length ?? 0, c.rangeStart ? 0 : c.code.length)));
      this.bySystem.set(system, { list: list.map((e) => e.category), keyLength, cache: new Map() });
    }
  }

  /** The deepest category covering the code, or null when none does. */
  categoryOf(system: CodeSystemId, compactCode: string): CategoryRecord | null {
    const entry = this.bySystem.get(system);
    if (!entry) return null;
    // CPT compares whole codes (shape rules), so only prefix-free systems are cached.
    const key = system === CodeSystemId.CPT ? compactCode : compactCode.slice(0, entry.keyLength);
    let found = entry.cache.get(key);
    if (found === undefined) {
      found = entry.list.find((category) => covers(category, compactCode)) ?? null;
      entry.cache.set(key, found);
    }
    return found;
  }
}
