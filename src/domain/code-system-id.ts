/** The code systems the graph knows. The GraphQL enum CodeSystemId is this enum. */
export enum CodeSystemId {
  CPT = 'CPT',
  ICD10CM = 'ICD10CM',
  ICD10PCS = 'ICD10PCS',
  HCPCS = 'HCPCS',
  ICD10 = 'ICD10',
  /** ICD-9-CM Volumes 1 and 2: diagnoses (250.00). Its codes come from the GEMs, which give no titles. */
  ICD9CM = 'ICD9CM',
  /** ICD-9-CM Volume 3: inpatient procedures (81.54). Its codes come from the GEMs, which give no titles. */
  ICD9CM_PROC = 'ICD9CM_PROC',
}

/** The code sets a US claim is coded in: their releases decide the default date (see date-rule). */
export const CLAIM_CODE_SETS: readonly CodeSystemId[] = [CodeSystemId.ICD10CM, CodeSystemId.ICD10PCS, CodeSystemId.CPT, CodeSystemId.HCPCS];
