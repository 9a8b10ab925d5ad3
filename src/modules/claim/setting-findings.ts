import { ClaimSetting, EvidenceKind } from '../../domain/claim';
import { CodeSystemId } from '../../domain/code-system-id';
import { evidence, finding } from './claim-findings';
import { FindingCode, type ClaimFinding } from './claim-validation.type';

const RULE =
  'Hospitals report inpatient procedures with ICD-10-PCS; physician offices and outpatient services (and DME suppliers) report CPT/HCPCS (the seed article, "settings").';

const SETTING_WORDS: Record<ClaimSetting, string> = {
  PROFESSIONAL: 'a professional claim',
  OUTPATIENT_HOSPITAL: 'a hospital outpatient claim',
  INPATIENT_FACILITY: 'an inpatient facility claim',
  DME_SUPPLIER: 'a DME supplier claim',
};

/**
 * WRONG_CODE_SET_FOR_SETTING: an ICD-10-PCS procedure on a professional, outpatient or DME claim, or
 * a CPT/HCPCS procedure on an inpatient facility claim.
 */
export function settingFindings(line: number, procedure: { system: string; code: string }, setting: ClaimSetting): ClaimFinding[] {
  const pcs = procedure.system === (CodeSystemId.ICD10PCS as string);
  const inpatient = setting === ClaimSetting.INPATIENT_FACILITY;
  if (pcs === inpatient) return [];
  const expected = inpatient ? 'ICD-10-PCS' : 'CPT or HCPCS';
  const system = pcs ? 'ICD-10-PCS' : procedure.system;
  return [
    finding(
      FindingCode.WRONG_CODE_SET_FOR_SETTING,
      `Line ${line} reports ${system} ${procedure.code} on ${SETTING_WORDS[setting]}, which reports procedures in ${expected}.`,
      [evidence(EvidenceKind.CODE_SET_RULE, RULE, { code: procedure.code, listedAs: setting })],
    ),
  ];
}
