import type { CodeKey } from '../../common/code-format';
import { keyedLoader } from '../../common/keyed-loader';
import type { CodeSystemId } from '../code-system/code-system-id.enum';
import { codeKeyString } from '../../domain/code-key';
import type { CodeReleases, ReleaseRepository } from './release.repository';
import type { ReleaseNode } from './release.type';

export function createReleaseLoaders(releases: ReleaseRepository) {
  return {
    release: keyedLoader<string, ReleaseNode | null>((ids) => releases.byIds(ids), null),
    systemReleases: keyedLoader<CodeSystemId, string[]>((ids) => releases.ofSystems(ids), []),
    codeReleases: keyedLoader<CodeKey, CodeReleases>((keys) => releases.byCodes(keys), { validIn: [], addedIn: [], revisions: [] }, codeKeyString),
  };
}

/** The repositories of this module, as the request context holds them. */
export interface ReleaseRepositories {
  releases: ReleaseRepository;
}

export type ReleaseLoaders = ReturnType<typeof createReleaseLoaders>;
