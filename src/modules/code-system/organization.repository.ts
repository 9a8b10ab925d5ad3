import type { CypherExecutor } from '../../neo4j/executor';
import { mapBy } from '../../neo4j/values';
import type { CodeSystem } from './code-system.type';
import type { Organization } from './organization.type';

export class OrganizationRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async all(): Promise<Organization[]> {
    const rows = await this.executor.read('organization/all');
    return rows.map((row) => row.organization);
  }

  async maintains(ids: readonly string[]): Promise<Map<string, CodeSystem[]>> {
    return mapBy(await this.executor.read('organization/maintains', { ids }), 'id', 'systems');
  }
}
