import { EvidenceKind } from '../../domain/claim';
import { FindingCode, type ClaimFinding } from './claim-validation.type';
import { evidence, finding, type ResolvedCode } from './claim-findings';
import type { ClaimCode } from '../pairing/pairing.repository';
import { untitledDisplay } from '../code/code.type';

function validOn(found: ClaimCode, date: string): boolean {
  return found.releases.some((r) => (r.effectiveFrom === null || r.effectiveFrom <= date) && (r.effectiveTo === null || r.effectiveTo >= date));
}

/**
 * What is wrong with one claim code on its own: malformed or absent (UNKNOWN_CODE, a retired
 * reference says so), a header (NOT_BILLABLE), or outside every release it is valid in on the date
 * (NOT_VALID_ON_DATE; codes with no release, such as CPT placeholders, are not dated).
 */
export function codeFindings(role: 'diagnosis' | 'procedure', resolved: ResolvedCode, date: string | null): ClaimFinding[] {
  if (resolved.kind === 'malformed')
    return [finding(FindingCode.UNKNOWN_CODE, `The ${role} ${JSON.stringify(resolved.raw)} is not a code: ${resolved.message}.`)];
  if (resolved.kind === 'unknown') {
    return [
      finding(FindingCode.UNKNOWN_CODE, `The ${role} ${resolved.system} ${resolved.code} is in no loaded release.`, [
        evidence(EvidenceKind.CODE, `No loaded release holds ${resolved.system} ${resolved.code}.`, { code: resolved.code }),
      ]),
    ];
  }
  const code = resolved.found.code;
  if (code.retired) {
    return [
      finding(FindingCode.UNKNOWN_CODE, `The ${role} ${code.system} ${code.code} is retired: no loaded release holds it (a policy list still names it).`, [
        evidence(EvidenceKind.CODE, code.display ?? untitledDisplay(code), { code: code.code }),
      ]),
    ];
  }
  const found: ClaimFinding[] = [];
  if (!code.billable) {
    found.push(
      finding(FindingCode.NOT_BILLABLE, `The ${role} ${code.code} is a header (${code.display}): report one of the codes under it.`, [
        evidence(EvidenceKind.CODE, `${code.code} has codes under it and is not valid for claims.`, { code: code.code }),
      ]),
    );
  }
  if (date !== null && resolved.found.releases.length > 0 && !validOn(resolved.found, date)) {
    const windows = resolved.found.releases.map((r) => `${r.version} (${r.effectiveFrom ?? '…'} to ${r.effectiveTo ?? 'open'})`).join(', ');
    found.push(
      finding(FindingCode.NOT_VALID_ON_DATE, `The ${role} ${code.code} is not valid on ${date}: it is valid in ${windows}.`, [
        evidence(EvidenceKind.RELEASE, `${code.system} ${code.code} is valid in ${windows}.`, { code: code.code }),
      ]),
    );
  }
  return found;
}
