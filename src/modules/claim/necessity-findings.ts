import { EvidenceKind } from '../../domain/claim';
import type { CodeNode } from '../code/code.type';
import { MatchedVia } from '../pairing/matched-via.enum';
import { PairingStatus } from '../pairing/pairing-status.enum';
import { coveredUnderWords, type Judgement } from '../pairing/pairing-verdict';
import { Verdict } from '../pairing/verdict.enum';
import { FindingCode, type ClaimFinding, type Evidence } from './claim-validation.type';
import { evidence, finding } from './claim-findings';

function pairingEvidence(j: Judgement): Evidence[] {
  return j.pairings.map((p) => {
    if (p.via === MatchedVia.CURATED) {
      return evidence(
        EvidenceKind.CURATED_PAIRING,
        `Curated by ${p.curated?.author} (${p.curated?.source}): ${p.diagnosis.code} justifies ${p.procedure.code}.`,
        {
          code: p.diagnosis.code,
          target: p.procedure.code,
        },
      );
    }
    const kind = p.via === MatchedVia.DEFAULT_RULE ? EvidenceKind.POLICY_DEFAULT_RULE : EvidenceKind.POLICY_LISTING;
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
 * Specificity suggestions (issue 15): for each policy that does not cover the diagnosis, the more
 * specific codes under its category that it does, as evidence only (never applied to the claim).
 */
function specificityEvidence(diagnosis: string, answers: Judgement['answers']): Evidence[] {
  return answers.flatMap((a) =>
    a.coveredUnder && a.coveredUnder.length > 0
      ? [
          evidence(EvidenceKind.SPECIFIC_CODES, coveredUnderWords(a.policyName, diagnosis, a.coveredUnder), {
            policyId: a.policyId,
            code: diagnosis,
            listedAs: a.coveredUnder.join(' '),
          }),
        ]
      : [],
  );
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
          evidence(EvidenceKind.CURATED_PAIRING, `Curated by ${o.author} (${o.source}): ${o.diagnosis} justifies ${procedure.code}.`, {
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
        finding(FindingCode.NOT_COVERED, `NCD ${answer.policyId} (${answer.policyTitle}) ${said} ${procedure.code} for ${diagnosis.code} ${how}.`, [
          ...pairingEvidence({ ...judgement, pairings: [p] }),
          ...specificityEvidence(diagnosis.code, [answer]),
        ]),
      );
    }
  }
  const pointed = judged.map((j) => j.diagnosis.code).join(', ');
  found.push(
    finding(
      FindingCode.NO_SUPPORTING_DIAGNOSIS,
      `None of the line's diagnoses (${pointed}) supports ${procedure.code}.`,
      judged.flatMap((j) => [...pairingEvidence(j.judgement), ...specificityEvidence(j.diagnosis.code, j.judgement.answers)]),
    ),
  );
  return found;
}
