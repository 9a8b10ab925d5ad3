import type { CypherExecutor } from '../../neo4j/executor';
import { mapBy, toNumber } from '../../neo4j/values';
import type { CategoryNode } from '../code/category.type';
import type { CodeSystemId } from './code-system-id.enum';
import type { CodeSystem } from './code-system.type';
import type { Organization } from './organization.type';

export interface CodeCounts {
  codes: number;
  billable: number;
}

export class CodeSystemRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async all(): Promise<CodeSystem[]> {
    const rows = await this.executor.read('code-system/all');
    return rows.map((row) => row.system);
  }

  async byIds(ids: readonly CodeSystemId[]): Promise<Map<string, CodeSystem>> {
    return mapBy(await this.executor.read('code-system/by-ids', { ids }), 'id', 'system');
  }

  async maintainers(ids: readonly CodeSystemId[]): Promise<Map<string, Organization[]>> {
    return mapBy(await this.executor.read('code-system/maintainers', { ids }), 'id', 'organizations');
  }

  async adapts(ids: readonly CodeSystemId[]): Promise<Map<string, CodeSystem>> {
    return mapBy(await this.executor.read('code-system/adapts', { ids }), 'id', 'system');
  }

  async adaptedBy(ids: readonly CodeSystemId[]): Promise<Map<string, CodeSystem[]>> {
    return mapBy(await this.executor.read('code-system/adapted-by', { ids }), 'id', 'systems');
  }

  async codeCounts(ids: readonly CodeSystemId[]): Promise<Map<string, CodeCounts>> {
    const rows = await this.executor.read('code-system/code-counts', { ids });
    return new Map(rows.map((row) => [row.id, { codes: toNumber(row.codes), billable: toNumber(row.billable) }]));
  }

  async topCategories(ids: readonly CodeSystemId[]): Promise<Map<string, CategoryNode[]>> {
    return mapBy(await this.executor.read('code-system/top-categories', { ids }), 'id', 'categories');
  }
}
