/** The code systems the graph knows. The GraphQL enum CodeSystemId is this enum. */
export enum CodeSystemId {
  CPT = 'CPT',
  ICD10CM = 'ICD10CM',
  ICD10PCS = 'ICD10PCS',
  HCPCS = 'HCPCS',
  ICD10 = 'ICD10',
}

export const CODE_SYSTEM_IDS: readonly CodeSystemId[] = Object.values(CodeSystemId);

export function isCodeSystemId(value: string): value is CodeSystemId {
  return (CODE_SYSTEM_IDS as readonly string[]).includes(value);
}
