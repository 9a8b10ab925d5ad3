import type { ReleaseCache } from './cache/release-cache';
import type { ClaimRepositories } from './modules/claim/claim-edit.repository';
import type { ClaimLoaders } from './modules/claim/claim.loaders';
import type { CodeSystemLoaders, CodeSystemRepositories } from './modules/code-system/code-system.loaders';
import type { CodeLoaders, CodeRepositories } from './modules/code/code.loaders';
import type { CrosswalkLoaders } from './modules/crosswalk/crosswalk.loaders';
import type { ModifierLoaders } from './modules/modifier/modifier.loaders';
import type { CrosswalkRepositories } from './modules/crosswalk/crosswalk.repository';
import type { ModifierRepositories } from './modules/modifier/modifier.repository';
import type { PairingLoaders, PairingRepositories } from './modules/pairing/pairing.loaders';
import type { PolicyRepositories } from './modules/policy/coverage-article.repository';
import type { ReleaseLoaders, ReleaseRepositories } from './modules/release/release.loaders';
import type { SearchRepositories } from './modules/search/search.repository';
import type { RoundTripCounter } from './observability/round-trips';
import type { Caller } from './security/caller';

/**
 * The request context every resolver receives: a leaf of types only. Each module declares its own
 * repositories and loaders; src/request-context.ts (the composition root, above the modules) builds them.
 */

export type { Caller };

export type Repositories = CodeSystemRepositories &
  CodeRepositories &
  ReleaseRepositories &
  SearchRepositories &
  ModifierRepositories &
  PairingRepositories &
  PolicyRepositories &
  ClaimRepositories &
  CrosswalkRepositories;

/** Request-scoped: a new set per GraphQL request, so batching and caching never cross requests. */
export type Loaders = CodeSystemLoaders & CodeLoaders & ReleaseLoaders & PairingLoaders & ClaimLoaders & CrosswalkLoaders & ModifierLoaders;

export interface Context {
  repositories: Repositories;
  loaders: Loaders;
  /** Who calls, resolved once per request (src/security/caller.ts). */
  caller: Caller;
  /** Every Cypher round trip of this request (for metrics and the debug extension). */
  roundTrips: RoundTripCounter;
  /** The process's cache of answers, when it has one: a write clears it. */
  cache: ReleaseCache | null;
  /** Where clients reach this service (CODESET_PUBLIC_URL, else the request's scheme and host), for absolute links; null in process. */
  publicBase: string | null;
}
