import type { ReleaseCache } from './cache/release-cache';
import type { Credential, Role } from './config';
import type { CypherExecutor } from './neo4j/executor';
import { RequestBudget } from './neo4j/request-budget';
import { RoundTripCounter } from './observability/round-trips';
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
import { createPairingLoaders } from './modules/pairing/pairing.loaders';
import { PairingRepository } from './modules/pairing/pairing.repository';
import { CurationRepository } from './modules/pairing/curation.repository';

export interface Repositories {
  codeSystems: CodeSystemRepository;
  organizations: OrganizationRepository;
  codes: CodeRepository;
  categories: CategoryRepository;
  releases: ReleaseRepository;
  search: SearchRepository;
  modifiers: ModifierRepository;
  pairings: PairingRepository;
  curation: CurationRepository;
}

/** The repositories of one request; code, search and pairing reads go through the process's cache when there is one. */
export function createRepositories(executor: CypherExecutor, cache: ReleaseCache | null = null): Repositories {
  return {
    codeSystems: new CodeSystemRepository(executor),
    organizations: new OrganizationRepository(executor),
    codes: new CodeRepository(executor, cache),
    categories: new CategoryRepository(executor),
    releases: new ReleaseRepository(executor),
    search: new SearchRepository(executor, cache),
    modifiers: new ModifierRepository(executor),
    pairings: new PairingRepository(executor, cache),
    curation: new CurationRepository(executor),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Request-scoped: a new set per GraphQL request, so batching and caching never cross requests. */
export function createLoaders(repositories: Repositories) {
  return {
    ...createCodeSystemLoaders(repositories.codeSystems, repositories.organizations),
    ...createCodeLoaders(repositories.codes, repositories.categories),
    ...createReleaseLoaders(repositories.releases),
    ...createPairingLoaders(repositories.pairings, repositories.organizations, repositories.curation),
  };
}

/** Who calls: anonymous (no key), a key nobody holds, or a configured credential with its role and licence. */
export type Caller = { credential: 'none' } | { credential: 'invalid' } | { credential: 'valid'; name: string; role: Role; licensed: boolean };

/** True when the caller's credential is marked licensed: only then is CPT descriptor text from a licensed file shown. */
export function isLicensed(caller: Caller): boolean {
  return caller.credential === 'valid' && caller.licensed;
}

export interface Context {
  repositories: Repositories;
  loaders: Loaders;
  caller: Caller;
  /** Every Cypher round trip of this request (for metrics and the debug extension). */
  roundTrips: RoundTripCounter;
  /** The process's cache of answers, when it has one: a write clears it. */
  cache: ReleaseCache | null;
}

/** Per request: the database time it may use (CODESET_REQUEST_DB_BUDGET_MS); none means only the transaction timeout bounds it. */
export interface ContextOptions {
  databaseBudgetMs?: number | null;
}

export function createContext(executor: CypherExecutor, caller: Caller = { credential: 'none' }, cache: ReleaseCache | null = null, options: ContextOptions = {}): Context {
  const roundTrips = new RoundTripCounter();
  const counted = executor.withListener(roundTrips.record);
  const guarded = options.databaseBudgetMs ? counted.withGuards({ budget: new RequestBudget(options.databaseBudgetMs) }) : counted;
  const repositories = createRepositories(guarded, cache);
  return { repositories, loaders: createLoaders(repositories), caller, roundTrips, cache };
}

/** The caller named by an X-Api-Key header or an Authorization: Bearer header, checked against the configured keys. */
export function callerFrom(headers: Record<string, string | string[] | undefined>, apiKeys: ReadonlyMap<string, Credential>): Caller {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const bearer = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1];
  const key = header('x-api-key')?.trim() || bearer?.trim();
  if (!key) return { credential: 'none' };
  const credential = apiKeys.get(key);
  return credential ? { credential: 'valid', ...credential } : { credential: 'invalid' };
}
