import neo4j from 'neo4j-driver';
import type { CypherExecutor } from '../../neo4j/executor';
import { mapBy } from '../../neo4j/values';
import type { CategoryNode } from './category.type';
import type { CodeNode } from './code.type';

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

  /** The top codes filed in each category, at most `first` per category. */
  async codes(ids: readonly string[], first: number): Promise<Map<string, CodeNode[]>> {
    return mapBy(await this.executor.read('category/codes', { ids, first: neo4j.int(first) }), 'id', 'codes');
  }
}
