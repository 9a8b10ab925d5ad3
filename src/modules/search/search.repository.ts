import neo4j, { type Integer } from 'neo4j-driver';
import { paramKey, type ReleaseCache } from '../../cache/release-cache';
import type { CypherExecutor } from '../../neo4j/executor';
import { toNumber } from '../../neo4j/values';
import type { CodeSystemId } from '../code-system/code-system-id.enum';
import type { CodeNode } from '../code/code.type';
import type { SearchPlan } from './search-query';
import { rankCandidates, rankCodeHit, WHOLE_MATCH, type RankedMatch, type SearchCandidate } from './search-ranking';

export interface SearchHit {
  node: CodeNode;
  match: RankedMatch;
}

export interface SearchPage {
  total: number;
  hits: SearchHit[];
}

export interface SearchFilter {
  systems: CodeSystemId[] | null;
  billableOnly: boolean;
  skip: number;
  limit: number;
  /** False for callers without a licensed credential: licensed CPT descriptor text is not searched for them. */
  licensed: boolean;
}

/**
 * How many of the full-text index's best matches are ranked (more when a page reaches further). The
 * index orders by Lucene relevance, which favours short texts, so the general codes the ranking puts
 * first are among them.
 */
export const SEARCH_CANDIDATES = 150;
/** Text search ranks and pages through at most this many codes (totalCount says at most this many too). */
export const MAX_RANKED = 10_000;

/** A candidate as search/ranked reads it: the code with every text the ranking looks at, its tabular sequence a Neo4j integer. */
export type CandidateRow = CodeNode & Omit<SearchCandidate, 'sequence'> & { sequence?: Integer | number | null };

/** Runs a search plan: one Cypher statement for the candidates and the total count (cached by plan and filter), ranked here. */
export class SearchRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null = null,
  ) {}

  search(plan: SearchPlan, filter: SearchFilter): Promise<SearchPage> {
    return this.cache ? this.cache.one('search', paramKey({ plan, filter }), () => this.read(plan, filter)) : this.read(plan, filter);
  }

  private async read(plan: SearchPlan, filter: SearchFilter): Promise<SearchPage> {
    const params = { systems: filter.systems, billableOnly: filter.billableOnly };
    if (plan.mode === 'code') {
      const [row] = await this.executor.read('search/code-prefix', {
        ...params,
        prefixes: plan.prefixes,
        exact: plan.text,
        skip: neo4j.int(filter.skip),
        limit: neo4j.int(filter.limit),
      });
      const hits = row?.hits ?? [];
      return { total: toNumber(row?.total ?? 0), hits: hits.map((h) => ({ node: h.code, match: rankCodeHit(h.code.code, plan.text) })) };
    }
    const candidates = Math.min(MAX_RANKED, Math.max(SEARCH_CANDIDATES, filter.skip + filter.limit));
    const query = async (lucene: string) => {
      const [row] = await this.executor.read('search/ranked', { ...params, lucene, licensed: filter.licensed, candidates: neo4j.int(candidates) });
      const rows = (row?.candidates ?? []).map((c) => ({
        ...c,
        sequence: c.sequence === null || c.sequence === undefined ? null : toNumber(c.sequence),
      }));
      return { total: toNumber(row?.total ?? 0), ranked: rankCandidates(rows, plan.variants) };
    };
    let found = await query(plan.lucene);
    // Typos: only when no code matches every word as typed (or expanded) does search try fuzzy words.
    if (plan.fuzzyLucene !== plan.lucene && (found.ranked[0]?.match.score ?? 0) < WHOLE_MATCH) {
      const fuzzy = await query(plan.fuzzyLucene);
      if (fuzzy.total > 0) found = fuzzy;
    }
    const hits = found.ranked
      .slice(filter.skip, filter.skip + filter.limit)
      .map(({ match, includes: _n, inclusionTerms: _i, pcsBodyPartTerms: _p, sequence: _s, ...node }) => ({ node: node, match }));
    const total = found.total;
    return { total: Math.min(MAX_RANKED, total), hits };
  }
}

/** The repositories of this module, as the request context holds them. */
export interface SearchRepositories {
  search: SearchRepository;
}
