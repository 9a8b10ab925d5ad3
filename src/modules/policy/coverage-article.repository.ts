import type { CodeKey } from '../../domain/code-key';
import type { CypherExecutor } from '../../neo4j/executor';
import type { CoverageArticleNode } from './coverage-article.type';

export class CoverageArticleRepository {
  constructor(private readonly executor: CypherExecutor) {}

  /** The LCD articles governing a procedure on a date, in a state (null: any), by id. */
  async ofProcedure(procedure: CodeKey, state: string | null, asOf: string): Promise<CoverageArticleNode[]> {
    const rows = await this.executor.read('policy/coverage-articles', { system: procedure.system, code: procedure.code, state, asOf });
    return rows.map((row) => {
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
    });
  }
}

/** The repositories of this module, as the request context holds them. */
export interface PolicyRepositories {
  coverageArticles: CoverageArticleRepository;
}
