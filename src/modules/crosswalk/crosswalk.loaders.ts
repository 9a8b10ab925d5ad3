import type { CodeKey } from '../../common/code-format';
import { keyedLoader } from '../../common/keyed-loader';
import { codeKeyString } from '../../domain/code-key';
import type { CodeMappings, CrosswalkRepository } from './crosswalk.repository';

/** The GEM entries from and to the codes of one request, each one read for all of them (the fields filter by system). */
export function createCrosswalkLoaders(crosswalks: CrosswalkRepository) {
  return {
    mapsTo: keyedLoader<CodeKey, CodeMappings | null>((keys) => crosswalks.mapsTo(keys), null, codeKeyString),
    mappedFrom: keyedLoader<CodeKey, CodeMappings | null>((keys) => crosswalks.mappedFrom(keys), null, codeKeyString),
  };
}

export type CrosswalkLoaders = ReturnType<typeof createCrosswalkLoaders>;
