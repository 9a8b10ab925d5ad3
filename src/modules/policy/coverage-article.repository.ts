import { codeKeyString, type CodeKey } from '../../domain/code-key';
import { paramKey, type ReleaseCache } from '../../cache/release-cache';
import type { CypherExecutor } from '../../neo4j/executor';
import type { CoverageArticleNode } from './coverage-article.type';

/**
 * The LCD billing articles that govern procedures. With a cache, each procedure's articles on a date
 * in a state are kept until the graph changes (a code no article governs is kept as absent).
 */
export class CoverageArticleRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null = null,
  ) {}

  /** The LCD articles governing a procedure on a date, in a state (null: any), by id. */
  async ofProcedure(procedure: CodeKey, state: string | null, asOf: string): Promise<CoverageArticleNode[]> {
    return (await this.ofProcedures([procedure], state, asOf)).get(codeKeyString(procedure)) ?? [];
  }

  /** The same for several procedures in one round trip, by "system|code" (a code no article governs is absent). */
  async ofProcedures(procedures: readonly CodeKey[], state: string | null, asOf: string): Promise<Map<string, CoverageArticleNode[]>> {
    const fetch = async (batch: readonly CodeKey[]) => {
      const keys = batch.map(({ system, code }) => ({ system, code }));
      const rows = keys.length === 0 ? [] : await this.executor.read('policy/coverage-articles', { keys, state, asOf });
      const byProcedure = new Map<string, CoverageArticleNode[]>();
      for (const row of rows) {
        const key = codeKeyString({ system: row.system, code: row.code });
        byProcedure.set(key, [...(byProcedure.get(key) ?? []), articleOf(row)]);
      }
      return byProcedure;
    };
    if (!this.cache) return fetch(procedures);
    return this.cache.through(`policy/coverage-articles@${paramKey({ state, asOf })}`, procedures, codeKeyString, fetch);
  }
}

function articleOf(row: Record<string, unknown>): CoverageArticleNode {
  const article = row.article as Omit<CoverageArticleNode, 'procedureGroups' | 'contractors' | 'groups'>;
  return {
    ...article,
    lcds: article.lcds ?? [],
    sourceFiles: article.sourceFiles ?? [],
    procedureGroups: ((row.procedureGroups as unknown[] | null) ?? []).map(Number),
    contractors: row.contractors as CoverageArticleNode['contractors'],
    groups: (
      row.groups as Array<Omit<CoverageArticleNode['groups'][number], 'number' | 'requiresGroups'> & { number: unknown; requiresGroups: unknown[] | null }>
    ).map((g) => ({
      ...g,
      number: Number(g.number),
      requiresGroups: (g.requiresGroups ?? []).map(Number),
    })),
  };
}

/** The repositories of this module, as the request context holds them. */
export interface PolicyRepositories {
  coverageArticles: CoverageArticleRepository;
}
