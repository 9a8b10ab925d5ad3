/**
 * The composition root of a request: builds the repositories and loaders of every module into the
 * Context (src/context.ts). Above the modules: only the server, the CSV export wiring and tests import it.
 */
import type { ReleaseCache } from './cache/release-cache';
import type { Context, Loaders, Repositories } from './context';
import type { CypherExecutor } from './neo4j/executor';
import type { Caller } from './security/caller';
import pLimit from 'p-limit';
import { RequestBudget } from './neo4j/request-budget';
import { RoundTripCounter } from './observability/round-trips';
import { createCodeSystemLoaders } from './modules/code-system/code-system.loaders';
import { CodeSystemRepository } from './modules/code-system/code-system.repository';
import { OrganizationRepository } from './modules/code-system/organization.repository';
import { CategoryRepository } from './modules/code/category.repository';
import { createCodeLoaders } from './modules/code/code.loaders';
import { CodeRepository } from './modules/code/code.repository';
import { createModifierLoaders } from './modules/modifier/modifier.loaders';
import { ModifierRepository } from './modules/modifier/modifier.repository';
import { createReleaseLoaders } from './modules/release/release.loaders';
import { ReleaseRepository } from './modules/release/release.repository';
import { SearchRepository } from './modules/search/search.repository';
import { createPairingLoaders } from './modules/pairing/pairing.loaders';
import { PairingRepository } from './modules/pairing/pairing.repository';
import { CurationRepository } from './modules/pairing/curation.repository';
import { CoverageArticleRepository } from './modules/policy/coverage-article.repository';
import { ClaimEditRepository } from './modules/claim/claim-edit.repository';
import { createClaimLoaders } from './modules/claim/claim.loaders';
import { createCrosswalkLoaders } from './modules/crosswalk/crosswalk.loaders';
import { CrosswalkRepository } from './modules/crosswalk/crosswalk.repository';

/** The repositories of one request; code, search, pairing and claim-edit reads go through the process's cache when there is one. */
export function createRepositories(executor: CypherExecutor, cache: ReleaseCache | null = null): Repositories {
  return {
    codeSystems: new CodeSystemRepository(executor),
    organizations: new OrganizationRepository(executor),
    codes: new CodeRepository(executor, cache),
    categories: new CategoryRepository(executor),
    releases: new ReleaseRepository(executor, cache),
    search: new SearchRepository(executor, cache),
    modifiers: new ModifierRepository(executor, cache),
    pairings: new PairingRepository(executor, cache),
    curation: new CurationRepository(executor),
    coverageArticles: new CoverageArticleRepository(executor, cache),
    claimEdits: new ClaimEditRepository(executor, cache),
    crosswalks: new CrosswalkRepository(executor),
  };
}

/** Request-scoped: a new set per GraphQL request, so batching and caching never cross requests. */
export function createLoaders(repositories: Repositories): Loaders {
  return {
    ...createCodeSystemLoaders(repositories.codeSystems, repositories.organizations),
    ...createCodeLoaders(repositories.codes, repositories.categories),
    ...createReleaseLoaders(repositories.releases),
    ...createPairingLoaders(repositories.pairings, repositories.organizations, repositories.curation),
    ...createClaimLoaders(repositories.claimEdits),
    ...createCrosswalkLoaders(repositories.crosswalks),
    ...createModifierLoaders(repositories.modifiers),
  };
}

/**
 * Per request: the database time it may use (CODESET_REQUEST_DB_BUDGET_MS; none means only the
 * transaction timeout bounds it) and how many of its round trips may be in flight at once
 * (CODESET_REQUEST_DB_CONCURRENCY; none means no limit).
 */
export interface ContextOptions {
  databaseBudgetMs?: number | null;
  databaseConcurrency?: number | null;
  /** Where clients reach the service, for absolute links (none in process: links stay paths). */
  publicBase?: string | null;
}

export function createContext(
  executor: CypherExecutor,
  caller: Caller = { credential: 'none' },
  cache: ReleaseCache | null = null,
  options: ContextOptions = {},
): Context {
  const roundTrips = new RoundTripCounter();
  const counted = executor.withListener(roundTrips.record);
  const guarded =
    options.databaseBudgetMs || options.databaseConcurrency
      ? counted.withGuards({
          ...(options.databaseBudgetMs ? { budget: new RequestBudget(options.databaseBudgetMs) } : {}),
          ...(options.databaseConcurrency ? { inFlight: pLimit(options.databaseConcurrency) } : {}),
        })
      : counted;
  const repositories = createRepositories(guarded, cache);
  return { repositories, loaders: createLoaders(repositories), caller, roundTrips, cache, publicBase: options.publicBase ?? null };
}
