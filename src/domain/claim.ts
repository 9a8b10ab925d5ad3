/** What a claim check finds: finding codes, their severity, and the outcome of a line or claim. */

export enum FindingCode {
  UNKNOWN_CODE = 'UNKNOWN_CODE',
  NOT_BILLABLE = 'NOT_BILLABLE',
  NOT_VALID_ON_DATE = 'NOT_VALID_ON_DATE',
  MISSING_DIAGNOSIS = 'MISSING_DIAGNOSIS',
  NO_SUPPORTING_DIAGNOSIS = 'NO_SUPPORTING_DIAGNOSIS',
  NOT_COVERED = 'NOT_COVERED',
  EXCLUDES1_CONFLICT = 'EXCLUDES1_CONFLICT',
  NO_POLICY = 'NO_POLICY',
}

export enum Severity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
  INFO = 'INFO',
}

export enum ClaimOutcome {
  PASS = 'PASS',
  REVIEW = 'REVIEW',
  FAIL = 'FAIL',
}
