import type { CypherExecutor } from './neo4j/executor';
import { createCodeSystemLoaders } from './modules/code-system/code-system.loaders';
import { CodeSystemRepository } from './modules/code-system/code-system.repository';
import { OrganizationRepository } from './modules/code-system/organization.repository';
import { CategoryRepository } from './modules/code/category.repository';
import { createCodeLoaders } from './modules/code/code.loaders';
import { CodeRepository } from './modules/code/code.repository';
import { ModifierRepository } from './modules/modifier/modifier.repository';
import { createReleaseLoaders } from './modules/release/release.loaders';
import { ReleaseRepository } from './modules/release/release.repository';
import { SearchRepository } from './modules/search/search.repository';

export interface Repositories {
  codeSystems: CodeSystemRepository;
  organizations: OrganizationRepository;
  codes: CodeRepository;
  categories: CategoryRepository;
  releases: ReleaseRepository;
  search: SearchRepository;
  modifiers: ModifierRepository;
}

export function createRepositories(executor: CypherExecutor): Repositories {
  return {
    codeSystems: new CodeSystemRepository(executor),
    organizations: new OrganizationRepository(executor),
    codes: new CodeRepository(executor),
    categories: new CategoryRepository(executor),
    releases: new ReleaseRepository(executor),
    search: new SearchRepository(executor),
    modifiers: new ModifierRepository(executor),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Request-scoped: a new set per GraphQL request, so batching and caching never cross requests. */
export function createLoaders(repositories: Repositories) {
  return {
    ...createCodeSystemLoaders(repositories.codeSystems, repositories.organizations),
    ...createCodeLoaders(repositories.codes, repositories.categories),
    ...createReleaseLoaders(repositories.releases),
  };
}

export interface Context {
  repositories: Repositories;
  loaders: Loaders;
}

export function createContext(executor: CypherExecutor): Context {
  const repositories = createRepositories(executor);
  return { repositories, loaders: createLoaders(repositories) };
}
