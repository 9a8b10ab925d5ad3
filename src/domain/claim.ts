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
  PTP_CONFLICT = 'PTP_CONFLICT',
  MUE_EXCEEDED = 'MUE_EXCEEDED',
  WRONG_CODE_SET_FOR_SETTING = 'WRONG_CODE_SET_FOR_SETTING',
  LCD_NOT_COVERED = 'LCD_NOT_COVERED',
  LCD_GROUP_INCOMPLETE = 'LCD_GROUP_INCOMPLETE',
  NO_RELEASE_FOR_DATE = 'NO_RELEASE_FOR_DATE',
}

/** What kind of fact an Evidence names. */
export enum EvidenceKind {
  POLICY_LISTING = 'POLICY_LISTING',
  POLICY_DEFAULT_RULE = 'POLICY_DEFAULT_RULE',
  CURATED_PAIRING = 'CURATED_PAIRING',
  LCD_ARTICLE = 'LCD_ARTICLE',
  SPECIFIC_CODES = 'SPECIFIC_CODES',
  EXCLUDES1_NOTE = 'EXCLUDES1_NOTE',
  CODE = 'CODE',
  RELEASE = 'RELEASE',
  PTP_EDIT = 'PTP_EDIT',
  MUE = 'MUE',
  CODE_SET_RULE = 'CODE_SET_RULE',
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

/**
 * Where the claim's services were given, which decides the code set of its procedures and which
 * NCCI tables apply (issue 15): PROFESSIONAL (a practitioner's claim, CMS-1500/837P: CPT/HCPCS, the
 * practitioner PTP and MUE tables), OUTPATIENT_HOSPITAL (a hospital outpatient claim: CPT/HCPCS, the
 * hospital outpatient PTP and MUE tables), INPATIENT_FACILITY (a hospital inpatient claim:
 * procedures in ICD-10-PCS; NCCI edits do not apply), DME_SUPPLIER (a DME supplier's claim: HCPCS,
 * the DME supplier MUE table; no PTP table is read for it).
 */
export enum ClaimSetting {
  PROFESSIONAL = 'PROFESSIONAL',
  OUTPATIENT_HOSPITAL = 'OUTPATIENT_HOSPITAL',
  INPATIENT_FACILITY = 'INPATIENT_FACILITY',
  DME_SUPPLIER = 'DME_SUPPLIER',
}
