import neo4j from 'neo4j-driver';
import type { CypherExecutor } from '../../neo4j/executor';
import { mapBy, toNumber } from '../../neo4j/values';
import type { CategoryNode } from './category.type';
import type { CodeNode } from './code.type';

/** One page of a category's top codes, with how many it has. */
export interface CategoryCodesPage {
  codes: CodeNode[];
  total: number;
}

export class CategoryRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async byIds(ids: readonly string[]): Promise<Map<string, CategoryNode>> {
    return mapBy(await this.executor.read('category/by-ids', { ids }), 'id', 'category');
  }

  async parents(ids: readonly string[]): Promise<Map<string, CategoryNode>> {
    return mapBy(await this.executor.read('category/parents', { ids }), 'id', 'category');
  }

  async children(ids: readonly string[]): Promise<Map<string, CategoryNode[]>> {
    return mapBy(await this.executor.read('category/children', { ids }), 'id', 'categories');
  }

  /** The top codes filed in each category: the page of `first` after `skip`, and how many there are. */
  async codes(ids: readonly string[], skip: number, first: number): Promise<Map<string, CategoryCodesPage>> {
    const rows = await this.executor.read('category/codes', { ids, skip: neo4j.int(skip), first: neo4j.int(first) });
    return new Map(rows.map((r) => [r.id, { codes: r.codes, total: toNumber(r.total) }]));
  }
}
