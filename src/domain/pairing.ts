/** Pairings of a diagnosis and a procedure: what a policy says, how the diagnosis was reached, the verdict. */

/** What a pairing says about a diagnosis for a procedure. The first three are the NCD resolution codes 1, 2, 3. */
export enum PairingStatus {
  COVERED = 'COVERED',
  DENIED = 'DENIED',
  NOT_MEDICALLY_NECESSARY = 'NOT_MEDICALLY_NECESSARY',
  CURATED = 'CURATED',
}

/** How a pairing's diagnosis was reached from the entry the policy lists. */
export enum MatchedVia {
  CODE = 'CODE',
  RANGE = 'RANGE',
  CATEGORY = 'CATEGORY',
  DEFAULT_RULE = 'DEFAULT_RULE',
  CURATED = 'CURATED',
}

export enum Verdict {
  SUPPORTED = 'SUPPORTED',
  NOT_SUPPORTED = 'NOT_SUPPORTED',
  NO_POLICY = 'NO_POLICY',
}

/** Statuses under which a diagnosis justifies a procedure: the default of justifiedBy and justifies. */
export const JUSTIFYING: readonly PairingStatus[] = [PairingStatus.COVERED, PairingStatus.CURATED];

/** What an LCD article's rule for the codes it does not list is called: they are in none of its covered groups. */
export const NOT_IN_A_COVERED_GROUP = 'not in a covered group';

/** What kind of coverage policy a Policy is. */
export enum PolicyKind {
  NCD = 'NCD',
  LCD_ARTICLE = 'LCD_ARTICLE',
}

/** A change to a curated pairing. */
export enum AuditAction {
  ADD = 'ADD',
  RETIRE = 'RETIRE',
}

/** An LCD billing article's ICD-10-CM group: diagnoses that support its procedures, or that do not. */
export enum ArticleGroupKind {
  COVERED = 'COVERED',
  NONCOVERED = 'NONCOVERED',
}
