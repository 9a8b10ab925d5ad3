import type { CodeKey } from '../../common/code-format';
import { keyedLoader } from '../../common/keyed-loader';
import type { CategoryRepository } from './category.repository';
import type { CategoryNode } from './category.type';
import type { CodeRepository, IsAPair, SevenCharacterRow } from './code.repository';
import type { CodeNode } from './code.type';
import type { NoteRow } from './instructional-note.type';
import { codeKeyString } from '../../domain/code-key';

export interface CategoryCodesKey {
  id: string;
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
    categoryCodes: keyedLoader<CategoryCodesKey, CodeNode[]>(
      async (keys) => {
        // One round trip per distinct page size in the batch (in practice one).
        const found = new Map<string, CodeNode[]>();
        for (const first of new Set(keys.map((k) => k.first))) {
          const page = await categories.codes(
            keys.filter((k) => k.first === first).map((k) => k.id),
            first,
          );
          for (const [id, list] of page) found.set(`${id}|${first}`, list);
        }
        return found;
      },
      [],
      (key) => `${key.id}|${key.first}`,
    ),
  };
}

/** The repositories of this module, as the request context holds them. */
export interface CodeRepositories {
  codes: CodeRepository;
  categories: CategoryRepository;
}

export type CodeLoaders = ReturnType<typeof createCodeLoaders>;
