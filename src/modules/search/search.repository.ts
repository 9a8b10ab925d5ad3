import neo4j from 'neo4j-driver';
import { paramKey, type ReleaseCache } from '../../cache/release-cache';
import type { CypherExecutor } from '../../neo4j/executor';
import { toNumber } from '../../neo4j/values';
import type { CodeSystemId } from '../code-system/code-system-id.enum';
import type { CodeNode } from '../code/code.type';
import type { SearchPlan } from './search-query';

export interface SearchPage {
  total: number;
  hits: Array<{ node: CodeNode; score: number | null }>;
}

export interface SearchFilter {
  systems: CodeSystemId[] | null;
  billableOnly: boolean;
  skip: number;
  limit: number;
  /** False for callers without a licensed credential: licensed CPT descriptor text is not searched for them. */
  licensed: boolean;
}

/** Runs a search plan as one Cypher statement: the page and the total count together (cached by plan and filter). */
export class SearchRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null = null,
  ) {}

  search(plan: SearchPlan, filter: SearchFilter): Promise<SearchPage> {
    return this.cache ? this.cache.one('search', paramKey({ plan, filter }), () => this.read(plan, filter)) : this.read(plan, filter);
  }

  private async read(plan: SearchPlan, filter: SearchFilter): Promise<SearchPage> {
    const params = { systems: filter.systems, billableOnly: filter.billableOnly, skip: neo4j.int(filter.skip), limit: neo4j.int(filter.limit) };
    const [row] = plan.mode === 'code'
      ? await this.executor.read('search/code-prefix', { ...params, prefixes: plan.prefixes })
      : await this.executor.read('search/text', { ...params, lucene: plan.lucene, licensed: filter.licensed });
    const hits = (row?.hits as Array<{ code: CodeNode; score: number | null }> | undefined) ?? [];
    return { total: toNumber(row?.total ?? 0), hits: hits.map((h) => ({ node: h.code, score: h.score })) };
  }
}

/** The repositories of this module, as the request context holds them. */
export interface SearchRepositories {
  search: SearchRepository;
}
