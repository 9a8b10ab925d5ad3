import { EvidenceKind } from '../../domain/claim';
import type { ResolvedCode } from '../pairing/pairing-check.service';
import { ClaimOutcome, FindingCode, Severity, type ClaimFinding, type Evidence } from './claim-validation.type';

/**
 * What every claim finding shares: its severity by code, its evidence, and the outcome and summary
 * of a line. The findings of each edit family are in their own file beside this one.
 */

export type { ResolvedCode };

const SEVERITY: Record<FindingCode, Severity> = {
  UNKNOWN_CODE: Severity.ERROR,
  NOT_BILLABLE: Severity.ERROR,
  NOT_VALID_ON_DATE: Severity.ERROR,
  MISSING_DIAGNOSIS: Severity.ERROR,
  NO_SUPPORTING_DIAGNOSIS: Severity.ERROR,
  NOT_COVERED: Severity.ERROR,
  EXCLUDES1_CONFLICT: Severity.ERROR,
  NO_POLICY: Severity.INFO,
  PTP_CONFLICT: Severity.ERROR,
  MUE_EXCEEDED: Severity.ERROR,
  WRONG_CODE_SET_FOR_SETTING: Severity.ERROR,
  LCD_NOT_COVERED: Severity.ERROR,
  LCD_GROUP_INCOMPLETE: Severity.ERROR,
  NO_RELEASE_FOR_DATE: Severity.WARNING,
};

export function evidence(kind: EvidenceKind, detail: string, extra: Partial<Evidence> = {}): Evidence {
  return { kind, policyId: null, listedAs: null, code: null, target: null, detail, ...extra };
}

export function finding(code: FindingCode, message: string, found: Evidence[] = []): ClaimFinding {
  return { code, severity: SEVERITY[code], message, evidence: found };
}

export function outcomeOf(findings: ReadonlyArray<{ severity: Severity }>): ClaimOutcome {
  if (findings.some((f) => f.severity === Severity.ERROR)) return ClaimOutcome.FAIL;
  if (findings.some((f) => f.severity === Severity.WARNING)) return ClaimOutcome.REVIEW;
  return ClaimOutcome.PASS;
}

export function lineSummary(line: number, procedure: string, findings: readonly ClaimFinding[]): string {
  const errors = findings.filter((f) => f.severity === Severity.ERROR).map((f) => f.code);
  if (errors.length === 0) return `Line ${line} (${procedure}) passes${findings.length ? ` (${findings.map((f) => f.code).join(', ')})` : ''}.`;
  return `Line ${line} (${procedure}) would be denied: ${[...new Set(errors)].join(', ')}.`;
}
