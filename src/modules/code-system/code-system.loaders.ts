import { keyedLoader } from '../../common/keyed-loader';
import type { CategoryNode } from '../code/category.type';
import type { CodeSystemId } from './code-system-id.enum';
import type { CodeCounts, CodeSystemRepository } from './code-system.repository';
import type { CodeSystem } from './code-system.type';
import type { OrganizationRepository } from './organization.repository';
import type { Organization } from './organization.type';

export function createCodeSystemLoaders(systems: CodeSystemRepository, organizations: OrganizationRepository) {
  return {
    systemById: keyedLoader<CodeSystemId, CodeSystem | null>((ids) => systems.byIds(ids), null),
    maintainers: keyedLoader<CodeSystemId, Organization[]>((ids) => systems.maintainers(ids), []),
    adapts: keyedLoader<CodeSystemId, CodeSystem | null>((ids) => systems.adapts(ids), null),
    adaptedBy: keyedLoader<CodeSystemId, CodeSystem[]>((ids) => systems.adaptedBy(ids), []),
    codeCounts: keyedLoader<CodeSystemId, CodeCounts>((ids) => systems.codeCounts(ids), { codes: 0, billable: 0 }),
    topCategories: keyedLoader<CodeSystemId, CategoryNode[]>((ids) => systems.topCategories(ids), []),
    maintains: keyedLoader<string, CodeSystem[]>((ids) => organizations.maintains(ids), []),
  };
}

/** The repositories of this module, as the request context holds them. */
export interface CodeSystemRepositories {
  codeSystems: CodeSystemRepository;
  organizations: OrganizationRepository;
}

export type CodeSystemLoaders = ReturnType<typeof createCodeSystemLoaders>;
