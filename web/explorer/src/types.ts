export type SystemId = 'CPT' | 'HCPCS' | 'ICD10CM' | 'ICD10PCS' | 'ICD10';
export type PairingStatus = 'COVERED' | 'CURATED' | 'DENIED' | 'NOT_MEDICALLY_NECESSARY';
export const STATUSES: PairingStatus[] = ['COVERED', 'CURATED', 'DENIED', 'NOT_MEDICALLY_NECESSARY'];
export const STATUS_LABEL: Record<PairingStatus, string> = {
  COVERED: 'Covered',
  CURATED: 'Curated',
  DENIED: 'Denied',
  NOT_MEDICALLY_NECESSARY: 'Not medically necessary',
};

export interface CodeRef {
  __typename?: 'Diagnosis' | 'Procedure';
  code: string;
  systemId: SystemId;
  display: string;
  billable?: boolean;
  retired?: boolean;
}

export interface CategoryRef {
  key: string;
  kind: string;
  code: string;
  title: string;
}

export interface Note {
  kind: 'EXCLUDES1' | 'EXCLUDES2' | 'CODE_FIRST' | 'USE_ADDITIONAL' | 'CODE_ALSO';
  text: string;
  level: 'CODE' | 'ANCESTOR' | 'BLOCK' | 'CHAPTER';
  inherited: boolean;
  targets: CodeRef[];
  targetCategories: CategoryRef[];
  statedOnCode: CodeRef | null;
  statedOnCategory: CategoryRef | null;
}

export interface Organization {
  key: string;
  abbreviation: string;
  name: string;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: T[];
}

export interface PairingNode {
  status: PairingStatus;
  listedAs: string | null;
  matchedVia: string;
  policy: { key: string; title: string } | null;
  diagnosis: CodeRef;
  procedure: CodeRef;
}

export interface CodeDetail extends CodeRef {
  __typename: 'Diagnosis' | 'Procedure';
  kind: string;
  shortDisplay: string | null;
  system: { systemId: SystemId; shortName: string; name: string; maintainedBy: Organization[] };
  parent: CodeRef | null;
  ancestors: CodeRef[];
  categories: CategoryRef[];
  children: CodeRef[];
  excludes1?: Note[];
  excludes2?: Note[];
  codeFirst?: Note[];
  useAdditional?: Note[];
  codeAlso?: Note[];
  policies?: Array<{ key: string; title: string; defaultStatus: PairingStatus | null }>;
}

export const NOTE_FIELDS = ['excludes1', 'excludes2', 'codeFirst', 'useAdditional', 'codeAlso'] as const;
export const NOTE_LABEL: Record<Note['kind'], string> = {
  EXCLUDES1: 'Excludes1',
  EXCLUDES2: 'Excludes2',
  CODE_FIRST: 'Code first',
  USE_ADDITIONAL: 'Use additional',
  CODE_ALSO: 'Code also',
};
