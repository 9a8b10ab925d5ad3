import type { CodeKey } from '../../common/code-format';
import type { CypherExecutor } from '../../neo4j/executor';
import { mapBy } from '../../neo4j/values';
import type { CategoryNode } from './category.type';
import type { CodeNode } from './code.type';
import type { NoteEdge } from './instructional-note.type';

export function codeKeyString(key: CodeKey): string {
  return `${key.system}|${key.code}`;
}

/** Every read takes a batch of (system, code) keys and answers in one round trip, keyed "SYSTEM|code". */
export class CodeRepository {
  constructor(private readonly executor: CypherExecutor) {}

  private async batch<T>(name: string, keys: readonly CodeKey[], column: string): Promise<Map<string, T>> {
    const params = { keys: keys.map(({ system, code }) => ({ system, code })) };
    return mapBy<T>(await this.executor.read(name, params), 'key', column);
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

  notes(keys: readonly CodeKey[]): Promise<Map<string, NoteEdge[]>> {
    return this.batch('code/notes', keys, 'notes');
  }
}
