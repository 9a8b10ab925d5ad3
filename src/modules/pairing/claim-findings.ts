import type { CodeNode } from '../code/code.type';
import { ClaimOutcome, FindingCode, Severity, type ClaimFinding, type Evidence } from './claim-validation.type';
import { MatchedVia } from './matched-via.enum';
import { PairingStatus } from './pairing-status.enum';
import type { Judgement } from './pairing-verdict';
import type { ClaimCode, Excludes1Conflict } from './pairing.repository';
import { Verdict } from './verdict.enum';

/** A claim code after parsing and lookup. */
export type ResolvedCode =
  | { kind: 'malformed'; raw: string; message: string }
  | { kind: 'unknown'; raw: string; code: string; system: string }
  | { kind: 'found'; raw: string; found: ClaimCode };

const SEVERITY: Record<FindingCode, Severity> = {
  UNKNOWN_CODE: Severity.ERROR,
  NOT_BILLABLE: Severity.ERROR,
  NOT_VALID_ON_DATE: Severity.ERROR,
  MISSING_DIAGNOSIS: Severity.ERROR,
  NO_SUPPORTING_DIAGNOSIS: Severity.ERROR,
  NOT_COVERED: Severity.ERROR,
  EXCLUDES1_CONFLICT: Severity.ERROR,
  NO_POLICY: Severity.INFO,
};

function evidence(kind: string, detail: string, extra: Partial<Evidence> = {}): Evidence {
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
        evidence('CODE', `No loaded release holds ${resolved.system} ${resolved.code}.`, { code: resolved.code }),
      ]),
    ];
  }
  const code = resolved.found.code;
  if (code.retired) {
    return [
      finding(FindingCode.UNKNOWN_CODE, `The ${role} ${code.system} ${code.code} is retired: no loaded release holds it (a policy list still names it).`, [
        evidence('CODE', code.display, { code: code.code }),
      ]),
    ];
  }
  const found: ClaimFinding[] = [];
  if (!code.billable) {
    found.push(
      finding(FindingCode.NOT_BILLABLE, `The ${role} ${code.code} is a header (${code.display}): report one of the codes under it.`, [
        evidence('CODE', `${code.code} has codes under it and is not valid for claims.`, { code: code.code }),
      ]),
    );
  }
  if (date !== null && resolved.found.releases.length > 0 && !validOn(resolved.found, date)) {
    const windows = resolved.found.releases.map((r) => `${r.version} (${r.effectiveFrom ?? '…'} to ${r.effectiveTo ?? 'open'})`).join(', ');
    found.push(
      finding(FindingCode.NOT_VALID_ON_DATE, `The ${role} ${code.code} is not valid on ${date}: it is valid in ${windows}.`, [
        evidence('RELEASE', `${code.system} ${code.code} is valid in ${windows}.`, { code: code.code }),
      ]),
    );
  }
  return found;
}

export function excludes1Findings(conflicts: readonly Excludes1Conflict[]): ClaimFinding[] {
  // A note on either side forbids the pair; report each unordered pair once, with every note.
  const byPair = new Map<string, Excludes1Conflict[]>();
  for (const c of conflicts) {
    const key = [c.a, c.b].sort().join('|');
    byPair.set(key, [...(byPair.get(key) ?? []), c]);
  }
  return [...byPair.entries()].map(([key, notes]) => {
    const [a, b] = key.split('|');
    return finding(
      FindingCode.EXCLUDES1_CONFLICT,
      `${a} and ${b} are never coded together: an Excludes1 note forbids it.`,
      notes.map((n) =>
        evidence('EXCLUDES1_NOTE', `Excludes1 on ${n.source}: "${n.text}" (applies to ${n.a}, names ${n.target}, which covers ${n.b}).`, {
          code: n.source,
          target: n.target,
          listedAs: n.text,
        }),
      ),
    );
  });
}

function pairingEvidence(j: Judgement): Evidence[] {
  return j.pairings.map((p) => {
    if (p.via === MatchedVia.CURATED) {
      return evidence('CURATED_PAIRING', `Curated by ${p.curated?.author} (${p.curated?.source}): ${p.diagnosis.code} justifies ${p.procedure.code}.`, {
        code: p.diagnosis.code,
        target: p.procedure.code,
      });
    }
    const kind = p.via === MatchedVia.DEFAULT_RULE ? 'POLICY_DEFAULT_RULE' : 'POLICY_LISTING';
    return evidence(
      kind,
      `NCD ${p.policyId}: ${p.diagnosis.code} ${p.status.toLowerCase().replace(/_/g, ' ')} for ${p.procedure.code} (${p.via.toLowerCase().replace('_', ' ')} ${p.listedAs ?? ''}).`,
      {
        policyId: p.policyId,
        listedAs: p.listedAs,
        code: p.diagnosis.code,
        target: p.procedure.code,
      },
    );
  });
}

/**
 * The medical-necessity findings of a line, from the judgement of each pointed diagnosis that
 * resolved: NO_SUPPORTING_DIAGNOSIS when none resolved; nothing when one supports the procedure; NOT_COVERED for each diagnosis a policy denies
 * or finds not medically necessary (with the listing or rule); NO_SUPPORTING_DIAGNOSIS when none
 * supports it; NO_POLICY (information) when no policy governs the procedure, even when curated
 * pairings name it with other diagnoses (they only add support: issue 15).
 */
export function necessityFindings(procedure: CodeNode, judged: ReadonlyArray<{ diagnosis: CodeNode; judgement: Judgement }>): ClaimFinding[] {
  if (judged.length === 0) {
    return [
      finding(FindingCode.NO_SUPPORTING_DIAGNOSIS, `None of the line's diagnoses is a code of the loaded release, so none can support ${procedure.code}.`),
    ];
  }
  if (judged.some((j) => j.judgement.verdict === Verdict.SUPPORTED)) return [];
  if (judged.every((j) => j.judgement.verdict === Verdict.NO_POLICY)) {
    const elsewhere = new Map(judged.flatMap((j) => j.judgement.curatedElsewhere ?? []).map((o) => [o.diagnosis, o]));
    if (elsewhere.size === 0)
      return [finding(FindingCode.NO_POLICY, `No policy or curated pairing governs ${procedure.code}: medical necessity was not checked.`)];
    // Open world (issue 15): curated pairings with other diagnoses are listed, never read as a denial.
    return [
      finding(
        FindingCode.NO_POLICY,
        `No policy governs ${procedure.code}: medical necessity was not checked. Curated pairings name it with ${[...elsewhere.keys()].join(', ')}, not with the line's diagnoses; a curated pairing only adds support.`,
        [...elsewhere.values()].map((o) =>
          evidence('CURATED_PAIRING', `Curated by ${o.author} (${o.source}): ${o.diagnosis} justifies ${procedure.code}.`, {
            code: o.diagnosis,
            target: procedure.code,
          }),
        ),
      ),
    ];
  }
  const found: ClaimFinding[] = [];
  for (const { diagnosis, judgement } of judged) {
    for (const answer of judgement.answers) {
      const p = answer.pairing;
      if (!p || (p.status !== PairingStatus.DENIED && p.status !== PairingStatus.NOT_MEDICALLY_NECESSARY)) continue;
      const how = p.via === MatchedVia.DEFAULT_RULE ? `by its rule for codes it does not list (${p.listedAs})` : `(listed as ${p.listedAs})`;
      const said = p.status === PairingStatus.DENIED ? 'denies' : 'does not find medically necessary';
      found.push(
        finding(
          FindingCode.NOT_COVERED,
          `NCD ${answer.policyId} (${answer.policyTitle}) ${said} ${procedure.code} for ${diagnosis.code} ${how}.`,
          pairingEvidence({ ...judgement, pairings: [p] }),
        ),
      );
    }
  }
  const pointed = judged.map((j) => j.diagnosis.code).join(', ');
  found.push(
    finding(
      FindingCode.NO_SUPPORTING_DIAGNOSIS,
      `None of the line's diagnoses (${pointed}) supports ${procedure.code}.`,
      judged.flatMap((j) => pairingEvidence(j.judgement)),
    ),
  );
  return found;
}

export function lineSummary(line: number, procedure: string, findings: readonly ClaimFinding[]): string {
  const errors = findings.filter((f) => f.severity === Severity.ERROR).map((f) => f.code);
  if (errors.length === 0) return `Line ${line} (${procedure}) passes${findings.length ? ` (${findings.map((f) => f.code).join(', ')})` : ''}.`;
  return `Line ${line} (${procedure}) would be denied: ${[...new Set(errors)].join(', ')}.`;
}
