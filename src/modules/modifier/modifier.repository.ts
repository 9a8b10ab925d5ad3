import type { ReleaseCache } from '../../cache/release-cache';
import type { CypherExecutor } from '../../neo4j/executor';
import type { CodeSystemId } from '../code-system/code-system-id.enum';
import type { Modifier } from './modifier.type';

/** A Modifier node's properties as the import wrote them (the optional ones may be absent). */
export type ModifierProperties = Pick<Modifier, 'code' | 'display'> & Partial<Pick<Modifier, 'shortDisplay' | 'effectiveDate' | 'terminationDate'>>;

export class ModifierRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null = null,
  ) {}

  /** Modifiers of a system, or the one with the given code. */
  async ofSystem(system: CodeSystemId, code: string | null = null): Promise<Modifier[]> {
    const rows = await this.executor.read('modifier/of-system', { system, code });
    return rows.map(({ modifier: m }) => ({
      code: m.code,
      system,
      display: m.display,
      shortDisplay: m.shortDisplay ?? null,
      effectiveDate: m.effectiveDate ?? null,
      terminationDate: m.terminationDate ?? null,
    }));
  }

  /** Which of the given codes are modifiers of the system valid in a complete release (through the cache, when there is one). */
  async known(system: CodeSystemId, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const fetch = async (batch: readonly string[]) => {
      const rows = await this.executor.read('modifier/by-codes', { system, codes: [...batch] });
      return new Map(rows.map((r) => [r.code, true] as const));
    };
    const found = this.cache ? await this.cache.through(`modifier/by-codes@${system}`, codes, (code) => code, fetch) : await fetch(codes);
    return new Set(found.keys());
  }
}

/** The repositories of this module, as the request context holds them. */
export interface ModifierRepositories {
  modifiers: ModifierRepository;
}
