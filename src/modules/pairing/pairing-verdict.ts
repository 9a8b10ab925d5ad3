import type { CodeNode } from '../code/code.type';
import { icd10cmCategory } from '../../common/code-format';
import { MatchedVia } from './matched-via.enum';
import { PairingStatus } from './pairing-status.enum';
import type { CurationNode, PairingNode } from './pairing.type';
import { Verdict } from './verdict.enum';

export interface EvidenceListing {
  status: PairingStatus;
  listedAs: string;
  via: MatchedVia;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface EvidencePolicy {
  policy: {
    id: string;
    title: string;
    defaultStatus: PairingStatus | null;
    defaultListedAs: string | null;
    defaultEffectiveFrom: string | null;
    defaultEffectiveTo: string | null;
    defaultInForce: boolean;
    /** How reasons name it in full and in short; default `NCD <id> (<title>)` and `NCD <id>`. */
    name?: string;
    shortName?: string;
  };
  /** Where the policy does not cover the diagnosis: codes under its category that it does, most general first (at most 10). */
  coveredUnder?: string[];
  /** Further sentences for the reasons (an LCD group that needs a second group, specific codes the policy covers). */
  notes?: string[];
  /** The policy's listings that reach the diagnosis on the date; empty: its default rule decides. */
  listings: EvidenceListing[];
}

/** What the graph says about one (diagnosis, procedure) pair on a date. */
export interface PairEvidence {
  policies: EvidencePolicy[];
  /** Active curated pairings of the procedure, with any diagnosis. */
  curatedCount: number;
  /** Active curated pairings of the procedure with this diagnosis. */
  curated: CurationNode[];
  /** Up to 10 active curated pairings of the procedure with other diagnoses: information only (issue 15). */
  curatedOthers?: Array<{ diagnosis: string; author: string; source: string }>;
}

/** One governing policy's answer for the diagnosis: the pairing that decides it. */
export interface PolicyAnswer {
  policyId: string;
  /** "NCD 190.23" or "LCD article A56789". */
  policyName: string;
  /** More specific codes under the diagnosis's category that the policy covers (empty when it covers the diagnosis). */
  coveredUnder?: string[];
  policyTitle: string;
  pairing: PairingNode | null;
}

export interface Judgement {
  verdict: Verdict;
  pairings: PairingNode[];
  reasons: string[];
  answers: PolicyAnswer[];
  /** Set on NO_POLICY when the procedure has curated pairings with other diagnoses (issue 15). */
  curatedElsewhere?: NonNullable<PairEvidence['curatedOthers']>;
}

/** A code listed directly says more than a header above it, which says more than a range around it. */
const SPECIFICITY: Record<string, number> = { [MatchedVia.CODE]: 3, [MatchedVia.CATEGORY]: 2, [MatchedVia.RANGE]: 1 };
/** Between equally specific listings that disagree, the stricter one wins. */
const STRICTNESS: Record<string, number> = { [PairingStatus.DENIED]: 3, [PairingStatus.NOT_MEDICALLY_NECESSARY]: 2, [PairingStatus.COVERED]: 1 };

/** A specificity suggestion in words: "NCD 190.21 does not cover E11.40; under E11 it covers E11.8, E11.9." */
export function coveredUnderWords(policyName: string, diagnosis: string, codes: readonly string[]): string {
  return `${policyName} does not cover ${diagnosis}; under ${icd10cmCategory(diagnosis)} it covers ${codes.join(', ')}.`;
}

function describe(status: PairingStatus): string {
  return { COVERED: 'covered', DENIED: 'denied', NOT_MEDICALLY_NECESSARY: 'not medically necessary', CURATED: 'curated' }[status];
}

function viaWords(l: EvidenceListing): string {
  if (l.via === MatchedVia.RANGE) return `in the listed range ${l.listedAs}`;
  if (l.via === MatchedVia.CATEGORY) return `under the listed code ${l.listedAs} (now a header)`;
  return `listed as ${l.listedAs}`;
}

function since(from: string | null, to: string | null): string {
  if (from && to) return `, in force ${from} to ${to}`;
  if (from) return `, in force since ${from}`;
  return to ? `, in force until ${to}` : '';
}

/**
 * Decides whether a diagnosis justifies a procedure from the evidence on a date. Each governing
 * policy answers with its most specific listing of the diagnosis (code, then header, then range;
 * on a tie the stricter status), or with its default rule when it lists nothing. Any policy that
 * covers: SUPPORTED. A policy that governs but does not cover: NOT_SUPPORTED. No policy: a curated
 * pairing of this diagnosis supports it; otherwise NO_POLICY, which is unknown, not denied. A curated
 * pairing only ever adds support (open world, issue 15): the procedure's curated pairings with other
 * diagnoses are listed in the reasons, never read as a denial.
 */
export function judgePairing(diagnosis: CodeNode, procedure: CodeNode, evidence: PairEvidence): Judgement {
  const dx = diagnosis.code;
  const px = procedure.code;
  const pairings: PairingNode[] = [];
  const reasons: string[] = [];
  const answers: PolicyAnswer[] = [];
  const base = { diagnosis, procedure, curated: null };

  for (const { policy, listings, notes, coveredUnder } of evidence.policies) {
    const name = policy.name ?? `NCD ${policy.id} (${policy.title})`;
    const policyName = policy.shortName ?? `NCD ${policy.id}`;
    if (listings.length > 0) {
      const nodes = listings.map((l): PairingNode => ({
        ...base,
        status: l.status,
        policyId: policy.id,
        listedAs: l.listedAs,
        via: l.via,
        effectiveFrom: l.effectiveFrom,
        effectiveTo: l.effectiveTo,
      }));
      pairings.push(...nodes);
      const deciding = [...nodes].sort(
        (a, b) => (SPECIFICITY[b.via] ?? 0) - (SPECIFICITY[a.via] ?? 0) || (STRICTNESS[b.status] ?? 0) - (STRICTNESS[a.status] ?? 0),
      )[0];
      answers.push({ policyId: policy.id, policyName, policyTitle: policy.title, pairing: deciding });
      for (const l of listings) reasons.push(`${name} lists ${dx} for ${px} as ${describe(l.status)}: ${viaWords(l)}${since(l.effectiveFrom, l.effectiveTo)}.`);
    } else if (policy.defaultStatus && policy.defaultInForce) {
      const node: PairingNode = {
        ...base,
        status: policy.defaultStatus,
        policyId: policy.id,
        listedAs: policy.defaultListedAs,
        via: MatchedVia.DEFAULT_RULE,
        effectiveFrom: policy.defaultEffectiveFrom,
        effectiveTo: policy.defaultEffectiveTo,
      };
      pairings.push(node);
      answers.push({ policyId: policy.id, policyName, policyTitle: policy.title, pairing: node });
      reasons.push(
        `${name} governs ${px} and does not list ${dx}: its rule for every code not listed (${policy.defaultListedAs ?? 'default'}) says ${describe(policy.defaultStatus)}.`,
      );
    } else {
      answers.push({ policyId: policy.id, policyName, policyTitle: policy.title, pairing: null });
      reasons.push(`${name} governs ${px} but neither lists ${dx} nor has a rule for codes it does not list.`);
    }
    if (coveredUnder && coveredUnder.length > 0) {
      answers[answers.length - 1].coveredUnder = coveredUnder;
      reasons.push(coveredUnderWords(policyName, dx, coveredUnder));
    }
    reasons.push(...(notes ?? []));
  }
  for (const c of evidence.curated) {
    pairings.push({
      ...base,
      status: PairingStatus.CURATED,
      policyId: null,
      listedAs: null,
      via: MatchedVia.CURATED,
      effectiveFrom: null,
      effectiveTo: null,
      curated: c,
    });
    reasons.push(`A curated pairing by ${c.author} (${c.source}) says ${dx} justifies ${px}.`);
  }

  let verdict: Verdict;
  const covering = answers.filter((a) => a.pairing?.status === PairingStatus.COVERED);
  if (covering.length > 0) {
    verdict = Verdict.SUPPORTED;
    reasons.unshift(`Supported: ${covering.map((a) => a.policyName).join(', ')} cover${covering.length === 1 ? 's' : ''} ${px} for ${dx}.`);
  } else if (answers.length > 0) {
    verdict = Verdict.NOT_SUPPORTED;
    const words = answers.map((a) => `${a.policyName} says ${a.pairing ? describe(a.pairing.status) : 'nothing'}`).join('; ');
    reasons.unshift(
      `Not supported: ${px} is governed by ${answers.length === 1 ? 'a policy that does' : 'policies that do'} not cover it for ${dx} (${words}).`,
    );
  } else if (evidence.curated.length > 0) {
    verdict = Verdict.SUPPORTED;
    reasons.unshift(`Supported by a curated pairing: no policy governs ${px}.`);
  } else {
    verdict = Verdict.NO_POLICY;
    const others = evidence.curatedOthers ?? [];
    if (evidence.curatedCount > 0) {
      const named = others.map((o) => `${o.diagnosis} (curated by ${o.author}, ${o.source})`).join(', ');
      const more = evidence.curatedCount > others.length ? ` and ${evidence.curatedCount - others.length} more` : '';
      reasons.unshift(
        `No policy: no policy governs ${px}, so whether ${dx} justifies it is unknown (not denied). Its ${evidence.curatedCount} curated pairing(s) name other diagnoses${named ? `: ${named}${more}` : ''}; a curated pairing only adds support, it denies nothing.`,
      );
    } else {
      reasons.unshift(`No policy: no policy or curated pairing in the graph governs ${px}, so whether ${dx} justifies it is unknown (not denied).`);
    }
    if (others.length > 0) return { verdict, pairings, reasons, answers, curatedElsewhere: others };
  }
  return { verdict, pairings, reasons, answers };
}
