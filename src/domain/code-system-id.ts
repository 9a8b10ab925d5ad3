/** The code systems the graph knows. The GraphQL enum CodeSystemId is this enum. */
export enum CodeSystemId {
  CPT = 'CPT',
  ICD10CM = 'ICD10CM',
  ICD10PCS = 'ICD10PCS',
  HCPCS = 'HCPCS',
  ICD10 = 'ICD10',
}
