import type { CodeKey } from '../../common/code-format';
import { keyedLoader } from '../../common/keyed-loader';
import type { CategoryCodesPage, CategoryRepository } from './category.repository';
import type { CategoryNode } from './category.type';
import type { CodeRepository, IsAPair, SevenCharacterRow } from './code.repository';
import type { CodeNode } from './code.type';
import type { NoteRow } from './instructional-note.type';
import { codeKeyString } from '../../domain/code-key';

export interface CategoryCodesKey {
  id: string;
  skip: number;
  first: number;
}

export interface DescendantsKey extends CodeKey {
  skip: number;
  limit: number;
  billableOnly: boolean;
}

const pageKey = (k: DescendantsKey) => `${k.skip}|${k.limit}|${k.billableOnly}`;

export function createCodeLoaders(codes: CodeRepository, categories: CategoryRepository) {
  const byCode = <V>(fetch: (keys: readonly CodeKey[]) => Promise<Map<string, V>>, missing: V) => keyedLoader<CodeKey, V>(fetch, missing, codeKeyString);
  return {
    code: byCode<CodeNode | null>((keys) => codes.byKeys(keys), null),
    parent: byCode<CodeNode | null>((keys) => codes.parents(keys), null),
    children: byCode<CodeNode[]>((keys) => codes.children(keys), []),
    ancestors: byCode<CodeNode[]>((keys) => codes.ancestors(keys), []),
    categories: byCode<CategoryNode[]>((keys) => codes.categories(keys), []),
    notes: byCode<NoteRow[]>((keys) => codes.notes(keys), []),
    details: byCode<Record<string, unknown>>((keys) => codes.details(keys), {}),
    sevenCharacter: byCode<SevenCharacterRow | null>((keys) => codes.sevenCharacter(keys), null),
    descendants: keyedLoader<DescendantsKey, { total: number; codes: CodeNode[] }>(
      async (keys) => {
        // One round trip per distinct page shape in the batch (in practice one).
        const found = new Map<string, { total: number; codes: CodeNode[] }>();
        for (const shape of new Set(keys.map(pageKey))) {
          const group = keys.filter((k) => pageKey(k) === shape);
          const page = await codes.descendants(group, group[0]);
          for (const [key, value] of page) found.set(`${key}|${shape}`, value);
        }
        return found;
      },
      { total: 0, codes: [] },
      (k) => `${codeKeyString(k)}|${pageKey(k)}`,
    ),
    isA: keyedLoader<IsAPair, { found: boolean; isA: boolean }>(
      (pairs) => codes.isA(pairs),
      { found: false, isA: false },
      (p) => p.key,
    ),
    category: keyedLoader<string, CategoryNode | null>((ids) => categories.byIds(ids), null),
    categoryParent: keyedLoader<string, CategoryNode | null>((ids) => categories.parents(ids), null),
    categoryChildren: keyedLoader<string, CategoryNode[]>((ids) => categories.children(ids), []),
    categoryCodes: keyedLoader<CategoryCodesKey, CategoryCodesPage>(
      async (keys) => {
        // One round trip per distinct page (skip, size) in the batch (in practice one).
        const found = new Map<string, CategoryCodesPage>();
        for (const page of new Set(keys.map((k) => `${k.skip}|${k.first}`))) {
          const [skip, first] = page.split('|').map(Number) as [number, number];
          const pages = await categories.codes(
            keys.filter((k) => k.skip === skip && k.first === first).map((k) => k.id),
            skip,
            first,
          );
          for (const [id, codes] of pages) found.set(`${id}|${page}`, codes);
        }
        return found;
      },
      { codes: [], total: 0 },
      (key) => `${key.id}|${key.skip}|${key.first}`,
    ),
  };
}

/** The repositories of this module, as the request context holds them. */
export interface CodeRepositories {
  codes: CodeRepository;
  categories: CategoryRepository;
}

export type CodeLoaders = ReturnType<typeof createCodeLoaders>;
