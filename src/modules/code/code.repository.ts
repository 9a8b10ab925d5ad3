import type { CodeKey } from '../../common/code-format';
import neo4j from 'neo4j-driver';
import { paramKey, type ReleaseCache } from '../../cache/release-cache';
import type { CypherExecutor } from '../../neo4j/executor';
import { toNumber } from '../../neo4j/values';
import type { CategoryNode } from './category.type';
import type { CodeNode } from './code.type';
import type { NoteRow } from './instructional-note.type';
import { codeKeyString } from '../../domain/code-key';

/** The statements that take a batch of keys and answer one row per key found. */
type KeyedStatement =
  'code/by-keys' | 'code/parents' | 'code/children' | 'code/ancestors' | 'code/categories' | 'code/notes' | 'code/details' | 'code/seven-character';

/**
 * Every read takes a batch of (system, code) keys and answers in one round trip, keyed
 * "SYSTEM|code"; with a cache, only the keys it lacks go to the database.
 */
export class CodeRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null = null,
  ) {}

  /** `column` of each row by key; T is that column's type in `name`'s row (the methods below name both). */
  private batch<T>(name: KeyedStatement, keys: readonly CodeKey[], column: string): Promise<Map<string, T>> {
    const fetch = async (batch: readonly CodeKey[]) => {
      const rows: Array<{ key: string } & Record<string, unknown>> = await this.executor.read(name, {
        keys: batch.map(({ system, code }) => ({ system, code })),
      });
      return new Map(rows.map((row) => [row.key, row[column] as T]));
    };
    return this.cache ? this.cache.through(name, keys, codeKeyString, fetch) : fetch(keys);
  }

  byKeys(keys: readonly CodeKey[]): Promise<Map<string, CodeNode>> {
    return this.batch('code/by-keys', keys, 'code');
  }

  parents(keys: readonly CodeKey[]): Promise<Map<string, CodeNode>> {
    return this.batch('code/parents', keys, 'code');
  }

  children(keys: readonly CodeKey[]): Promise<Map<string, CodeNode[]>> {
    return this.batch('code/children', keys, 'codes');
  }

  ancestors(keys: readonly CodeKey[]): Promise<Map<string, CodeNode[]>> {
    return this.batch('code/ancestors', keys, 'codes');
  }

  categories(keys: readonly CodeKey[]): Promise<Map<string, CategoryNode[]>> {
    return this.batch('code/categories', keys, 'categories');
  }

  notes(keys: readonly CodeKey[]): Promise<Map<string, NoteRow[]>> {
    return this.batch('code/notes', keys, 'notes');
  }

  details(keys: readonly CodeKey[]): Promise<Map<string, Record<string, unknown>>> {
    return this.batch('code/details', keys, 'details');
  }

  sevenCharacter(keys: readonly CodeKey[]): Promise<Map<string, SevenCharacterRow>> {
    return this.batch('code/seven-character', keys, 'extensions');
  }

  /** One page of descendants per key; all keys share the page arguments. */
  descendants(
    keys: readonly CodeKey[],
    page: { skip: number; limit: number; billableOnly: boolean },
  ): Promise<Map<string, { total: number; codes: CodeNode[] }>> {
    const fetch = async (batch: readonly CodeKey[]) => {
      const rows = await this.executor.read('code/descendants', {
        keys: batch.map(({ system, code }) => ({ system, code })),
        skip: neo4j.int(page.skip),
        limit: neo4j.int(page.limit),
        billableOnly: page.billableOnly,
      });
      return new Map(rows.map((row) => [row.key, { total: toNumber(row.total), codes: row.codes }]));
    };
    return this.cache ? this.cache.through(`code/descendants@${paramKey(page)}`, keys, codeKeyString, fetch) : fetch(keys);
  }

  /** Subsumption checks; `found` is false when the ancestor names no code or category of the system. */
  async isA(pairs: ReadonlyArray<IsAPair>): Promise<Map<string, { found: boolean; isA: boolean }>> {
    const rows = await this.executor.read('code/is-a', { pairs: pairs.map((p) => ({ ...p })) });
    return new Map(rows.map((row) => [row.key, { found: row.found, isA: row.isA }]));
  }
}

export interface IsAPair {
  key: string;
  system: string;
  code: string;
  ancestorCode: string | null;
  ancestorCategory: string | null;
}

export interface SevenCharacterRow {
  definedOn: string;
  note: string | null;
  values: string[];
  texts: string[];
}
