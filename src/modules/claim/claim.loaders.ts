import type { CodeKey } from '../../common/code-format';
import { keyedLoader } from '../../common/keyed-loader';
import { codeKeyString } from '../../domain/code-key';
import type { ClaimEditRepository, MueFacts, PtpEditOfCode } from './claim-edit.repository';

/** Every PTP edit and MUE of the procedures of one request, each a single read for all of them (the fields filter them). */
export function createClaimLoaders(claimEdits: ClaimEditRepository) {
  return {
    ptpEdits: keyedLoader<CodeKey, PtpEditOfCode[]>((keys) => claimEdits.ptpEdits(keys), [], codeKeyString),
    mueEdits: keyedLoader<CodeKey, MueFacts[]>((keys) => claimEdits.mueEdits(keys), [], codeKeyString),
  };
}

export type ClaimLoaders = ReturnType<typeof createClaimLoaders>;
