import { describe, expect, it } from 'vitest';
import { CodeSystemId } from '../../src/modules/code-system/code-system-id.enum';
import { CodeRole } from '../../src/modules/code-system/code-role.enum';
import { CodeKind } from '../../src/modules/code/code-kind.enum';
import type { CodeNode } from '../../src/modules/code/code.type';
import { MatchedVia } from '../../src/modules/pairing/matched-via.enum';
import { PairingStatus } from '../../src/modules/pairing/pairing-status.enum';
import { judgePairing, type EvidenceListing, type EvidencePolicy, type PairEvidence } from '../../src/modules/pairing/pairing-verdict';
import type { CurationNode } from '../../src/modules/pairing/pairing.type';
import { Verdict } from '../../src/modules/pairing/verdict.enum';

const E119: CodeNode = {
  system: CodeSystemId.ICD10CM,
  code: 'E11.9',
  display: 'Type 2 diabetes mellitus without complications',
  shortDisplay: null,
  billable: true,
  kind: CodeKind.CODE,
  role: CodeRole.DIAGNOSIS,
};
const LIPID_PANEL: CodeNode = {
  system: CodeSystemId.CPT,
  code: '80061',
  display: 'Lipid panel',
  shortDisplay: null,
  billable: true,
  kind: CodeKind.CODE,
  role: CodeRole.PROCEDURE,
};

/** A policy with no default rule; `overrides` sets the default. */
function policy(id: string, title: string, listings: EvidenceListing[], overrides: Partial<EvidencePolicy['policy']> = {}): EvidencePolicy {
  return {
    policy: {
      id,
      title,
      defaultStatus: null,
      defaultListedAs: null,
      defaultEffectiveFrom: null,
      defaultEffectiveTo: null,
      defaultInForce: false,
      ...overrides,
    },
    listings,
  };
}

function listing(
  status: PairingStatus,
  listedAs: string,
  via: MatchedVia,
  effectiveFrom: string | null = '2015-10-01',
  effectiveTo: string | null = null,
): EvidenceListing {
  return { status, listedAs, via, effectiveFrom, effectiveTo };
}

function evidence(policies: EvidencePolicy[], curated: CurationNode[] = [], curatedCount = curated.length): PairEvidence {
  return { policies, curated, curatedCount };
}

const LIPIDS = 'Lipid Testing';
const CURATION: CurationNode = { id: 'cur-1', source: 'ADA Standards of Care 2026', author: 'alice', rationale: null, createdAt: '2026-01-05T10:11:12.000Z' };

describe('judgePairing', () => {
  it('supports a pair a policy lists as covered, returning the listing as the pairing and saying so first', () => {
    const judgement = judgePairing(E119, LIPID_PANEL, evidence([policy('190.23', LIPIDS, [listing(PairingStatus.COVERED, 'E119', MatchedVia.CODE)])]));
    expect(judgement.verdict).toBe(Verdict.SUPPORTED);
    expect(judgement.pairings).toEqual([
      {
        diagnosis: E119,
        procedure: LIPID_PANEL,
        curated: null,
        status: PairingStatus.COVERED,
        policyId: '190.23',
        listedAs: 'E119',
        via: MatchedVia.CODE,
        effectiveFrom: '2015-10-01',
        effectiveTo: null,
      },
    ]);
    expect(judgement.reasons).toEqual([
      'Supported: NCD 190.23 covers 80061 for E11.9.',
      'NCD 190.23 (Lipid Testing) lists E11.9 for 80061 as covered: listed as E119, in force since 2015-10-01.',
    ]);
    expect(judgement.answers).toEqual([{ policyId: '190.23', policyName: 'NCD 190.23', policyTitle: LIPIDS, pairing: judgement.pairings[0] }]);
  });

  it('describes a range listing and a header listing by how they reach the diagnosis, with both ends of the dates', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([
        policy('190.23', LIPIDS, [
          listing(PairingStatus.COVERED, 'E08-E13', MatchedVia.RANGE, '2015-10-01', '2020-09-30'),
          listing(PairingStatus.COVERED, 'E11', MatchedVia.CATEGORY, null, '2020-09-30'),
        ]),
      ]),
    );
    expect(judgement.reasons.slice(1)).toEqual([
      'NCD 190.23 (Lipid Testing) lists E11.9 for 80061 as covered: in the listed range E08-E13, in force 2015-10-01 to 2020-09-30.',
      'NCD 190.23 (Lipid Testing) lists E11.9 for 80061 as covered: under the listed code E11 (now a header), in force until 2020-09-30.',
    ]);
  });

  it('does not support a pair that a policy governs and does not list when its default rule in force says not medically necessary', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([
        policy('190.23', LIPIDS, [], {
          defaultStatus: PairingStatus.NOT_MEDICALLY_NECESSARY,
          defaultListedAs: '@@@@@@@',
          defaultEffectiveFrom: '2015-10-01',
          defaultInForce: true,
        }),
      ]),
    );
    expect(judgement.verdict).toBe(Verdict.NOT_SUPPORTED);
    expect(judgement.pairings).toEqual([
      {
        diagnosis: E119,
        procedure: LIPID_PANEL,
        curated: null,
        status: PairingStatus.NOT_MEDICALLY_NECESSARY,
        policyId: '190.23',
        listedAs: '@@@@@@@',
        via: MatchedVia.DEFAULT_RULE,
        effectiveFrom: '2015-10-01',
        effectiveTo: null,
      },
    ]);
    expect(judgement.reasons).toEqual([
      'Not supported: 80061 is governed by a policy that does not cover it for E11.9 (NCD 190.23 says not medically necessary).',
      'NCD 190.23 (Lipid Testing) governs 80061 and does not list E11.9: its rule for every code not listed (@@@@@@@) says not medically necessary.',
    ]);
  });

  it('supports a pair through a default rule that covers every code not listed, as NCD 190.15 does', () => {
    const cbc: CodeNode = { ...LIPID_PANEL, code: '85025', display: 'Complete blood count' };
    const judgement = judgePairing(
      E119,
      cbc,
      evidence([
        policy('190.15', 'Blood Counts', [], {
          defaultStatus: PairingStatus.COVERED,
          defaultListedAs: '@@@@@@@',
          defaultEffectiveFrom: '2015-10-01',
          defaultInForce: true,
        }),
      ]),
    );
    expect(judgement.verdict).toBe(Verdict.SUPPORTED);
    expect(judgement.pairings.map((p) => [p.status, p.policyId, p.listedAs, p.via])).toEqual([
      [PairingStatus.COVERED, '190.15', '@@@@@@@', MatchedVia.DEFAULT_RULE],
    ]);
    expect(judgement.reasons[0]).toBe('Supported: NCD 190.15 covers 85025 for E11.9.');
  });

  it('does not support a pair whose policy lists nothing for it and whose default rule is not in force, saying it has no rule', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([
        policy('190.23', LIPIDS, [], {
          defaultStatus: PairingStatus.COVERED,
          defaultListedAs: '@@@@@@@',
          defaultEffectiveTo: '2014-12-31',
          defaultInForce: false,
        }),
      ]),
    );
    expect(judgement.verdict).toBe(Verdict.NOT_SUPPORTED);
    expect(judgement.pairings).toEqual([]);
    expect(judgement.answers).toEqual([{ policyId: '190.23', policyName: 'NCD 190.23', policyTitle: LIPIDS, pairing: null }]);
    expect(judgement.reasons).toEqual([
      'Not supported: 80061 is governed by a policy that does not cover it for E11.9 (NCD 190.23 says nothing).',
      'NCD 190.23 (Lipid Testing) governs 80061 but neither lists E11.9 nor has a rule for codes it does not list.',
    ]);
  });

  it('lets a listing of the code itself decide over a range around it: a denied code inside a covered range is not supported', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([
        policy('190.23', LIPIDS, [listing(PairingStatus.COVERED, 'E08-E13', MatchedVia.RANGE), listing(PairingStatus.DENIED, 'E119', MatchedVia.CODE)]),
      ]),
    );
    expect(judgement.verdict).toBe(Verdict.NOT_SUPPORTED);
    expect(judgement.answers.map((a) => [a.pairing?.status, a.pairing?.listedAs, a.pairing?.via])).toEqual([[PairingStatus.DENIED, 'E119', MatchedVia.CODE]]);
    expect(judgement.pairings).toHaveLength(2);
    expect(judgement.reasons[0]).toBe('Not supported: 80061 is governed by a policy that does not cover it for E11.9 (NCD 190.23 says denied).');
  });

  it('lets a covered code listing decide over a denied header and a denied range', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([
        policy('190.23', LIPIDS, [
          listing(PairingStatus.DENIED, 'E08-E13', MatchedVia.RANGE),
          listing(PairingStatus.DENIED, 'E11', MatchedVia.CATEGORY),
          listing(PairingStatus.COVERED, 'E119', MatchedVia.CODE),
        ]),
      ]),
    );
    expect(judgement.verdict).toBe(Verdict.SUPPORTED);
    expect(judgement.answers[0].pairing?.listedAs).toBe('E119');
  });

  it('lets a header listing decide over a range listing', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([
        policy('190.23', LIPIDS, [
          listing(PairingStatus.COVERED, 'E08-E13', MatchedVia.RANGE),
          listing(PairingStatus.NOT_MEDICALLY_NECESSARY, 'E11', MatchedVia.CATEGORY),
        ]),
      ]),
    );
    expect(judgement.verdict).toBe(Verdict.NOT_SUPPORTED);
    expect(judgement.answers[0].pairing?.listedAs).toBe('E11');
  });

  it('lets the stricter of two equally specific listings decide: denied over not medically necessary over covered', () => {
    const covered = listing(PairingStatus.COVERED, 'E08-E13', MatchedVia.RANGE);
    const nmn = listing(PairingStatus.NOT_MEDICALLY_NECESSARY, 'E10-E11', MatchedVia.RANGE);
    const denied = listing(PairingStatus.DENIED, 'E11-E119', MatchedVia.RANGE);
    const decide = (listings: EvidenceListing[]) => judgePairing(E119, LIPID_PANEL, evidence([policy('190.23', LIPIDS, listings)]));

    expect(decide([covered, nmn]).answers[0].pairing?.status).toBe(PairingStatus.NOT_MEDICALLY_NECESSARY);
    expect(decide([nmn, covered]).answers[0].pairing?.status).toBe(PairingStatus.NOT_MEDICALLY_NECESSARY);
    expect(decide([covered, denied, nmn]).answers[0].pairing?.status).toBe(PairingStatus.DENIED);
    expect(decide([covered, nmn]).verdict).toBe(Verdict.NOT_SUPPORTED);
  });

  it('supports a pair when one of two governing policies covers it and the other does not, naming only the covering one', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([
        policy('190.22', 'Thyroid Testing', [listing(PairingStatus.NOT_MEDICALLY_NECESSARY, 'E119', MatchedVia.CODE)]),
        policy('190.23', LIPIDS, [listing(PairingStatus.COVERED, 'E119', MatchedVia.CODE)]),
      ]),
    );
    expect(judgement.verdict).toBe(Verdict.SUPPORTED);
    expect(judgement.reasons[0]).toBe('Supported: NCD 190.23 covers 80061 for E11.9.');
    expect(judgement.answers.map((a) => [a.policyId, a.pairing?.status])).toEqual([
      ['190.22', PairingStatus.NOT_MEDICALLY_NECESSARY],
      ['190.23', PairingStatus.COVERED],
    ]);
  });

  it('names every covering policy, in the plural, when two cover the pair', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([
        policy('190.22', 'Thyroid Testing', [listing(PairingStatus.COVERED, 'E119', MatchedVia.CODE)]),
        policy('190.23', LIPIDS, [listing(PairingStatus.COVERED, 'E119', MatchedVia.CODE)]),
      ]),
    );
    expect(judgement.reasons[0]).toBe('Supported: NCD 190.22, NCD 190.23 cover 80061 for E11.9.');
  });

  it('lists what each of several non-covering policies says in the first reason', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([policy('190.22', 'Thyroid Testing', [listing(PairingStatus.DENIED, 'E119', MatchedVia.CODE)]), policy('190.23', LIPIDS, [])]),
    );
    expect(judgement.reasons[0]).toBe(
      'Not supported: 80061 is governed by policies that do not cover it for E11.9 (NCD 190.22 says denied; NCD 190.23 says nothing).',
    );
  });

  it('supports a pair no policy governs when a curated pairing names the diagnosis, returning an undated CURATED pairing', () => {
    const judgement = judgePairing(E119, LIPID_PANEL, evidence([], [CURATION], 3));
    expect(judgement.verdict).toBe(Verdict.SUPPORTED);
    expect(judgement.pairings).toEqual([
      {
        diagnosis: E119,
        procedure: LIPID_PANEL,
        status: PairingStatus.CURATED,
        policyId: null,
        listedAs: null,
        via: MatchedVia.CURATED,
        effectiveFrom: null,
        effectiveTo: null,
        curated: CURATION,
      },
    ]);
    expect(judgement.answers).toEqual([]);
    expect(judgement.reasons).toEqual([
      'Supported by a curated pairing: no policy governs 80061.',
      'A curated pairing by alice (ADA Standards of Care 2026) says E11.9 justifies 80061.',
    ]);
  });

  it('ignores curated pairings when a policy governs the procedure: the policy decides', () => {
    const judgement = judgePairing(
      E119,
      LIPID_PANEL,
      evidence([policy('190.23', LIPIDS, [listing(PairingStatus.DENIED, 'E119', MatchedVia.CODE)])], [CURATION]),
    );
    expect(judgement.verdict).toBe(Verdict.NOT_SUPPORTED);
    expect(judgement.pairings.map((p) => p.via)).toEqual([MatchedVia.CODE, MatchedVia.CURATED]);
  });

  it('issue 15: answers NO_POLICY, not NOT_SUPPORTED, when no policy governs the procedure and its curated pairings name other diagnoses, listing them', () => {
    const others = [
      { diagnosis: 'E78.5', author: 'alice', source: 'ACC/AHA 2026' },
      { diagnosis: 'I10', author: 'bob', source: 'JNC 8' },
    ];
    const judgement = judgePairing(E119, LIPID_PANEL, { ...evidence([], [], 3), curatedOthers: others });
    expect(judgement.verdict).toBe(Verdict.NO_POLICY);
    expect(judgement.pairings).toEqual([]);
    expect(judgement.curatedElsewhere).toEqual(others);
    expect(judgement.reasons).toEqual([
      'No policy: no policy governs 80061, so whether E11.9 justifies it is unknown (not denied). Its 3 curated pairing(s) name other diagnoses: E78.5 (curated by alice, ACC/AHA 2026), I10 (curated by bob, JNC 8) and 1 more; a curated pairing only adds support, it denies nothing.',
    ]);
  });

  it('answers NO_POLICY, unknown and not denied, when neither a policy nor a curated pairing governs the procedure', () => {
    const judgement = judgePairing(E119, LIPID_PANEL, evidence([]));
    expect(judgement).toEqual({
      verdict: Verdict.NO_POLICY,
      pairings: [],
      answers: [],
      reasons: ['No policy: no policy or curated pairing in the graph governs 80061, so whether E11.9 justifies it is unknown (not denied).'],
    });
    expect(judgement.reasons[0]).toContain('unknown (not denied)');
  });
});

describe('judgePairing with LCD articles and specificity (issue 15)', () => {
  it('names an article by the name it is given, adds its notes to the reasons, and lets it cover beside an NCD that does not', () => {
    const ncd = policy('190.23', 'Lipids', [], { defaultStatus: PairingStatus.NOT_MEDICALLY_NECESSARY, defaultListedAs: '@@@@@@@', defaultInForce: true });
    const article: EvidencePolicy = {
      ...policy('A59999', 'Lipid testing article', [listing(PairingStatus.COVERED, 'E11.9 (group 1)', MatchedVia.CODE)]),
      notes: ['LCD article A59999: a diagnosis of covered group 1 must be reported with one from group 2 as well.'],
    };
    article.policy.name = 'LCD article A59999 "Lipid testing article", of Sample MAC (01111) for NY';
    article.policy.shortName = 'LCD article A59999';
    const judgement = judgePairing(E119, LIPID_PANEL, evidence([ncd, article]));
    expect(judgement.verdict).toBe(Verdict.SUPPORTED);
    expect(judgement.reasons[0]).toBe('Supported: LCD article A59999 covers 80061 for E11.9.');
    expect(judgement.reasons).toContain('LCD article A59999: a diagnosis of covered group 1 must be reported with one from group 2 as well.');
    expect(judgement.reasons.some((r) => r.startsWith('LCD article A59999 "Lipid testing article", of Sample MAC (01111) for NY lists E11.9'))).toBe(true);
    expect(judgement.answers.map((a) => a.policyName)).toEqual(['NCD 190.23', 'LCD article A59999']);
  });

  it('says which codes under the category a policy that does not cover the diagnosis covers, and keeps them on its answer', () => {
    const ncd = {
      ...policy('190.23', 'Lipids', [], { defaultStatus: PairingStatus.NOT_MEDICALLY_NECESSARY, defaultListedAs: '@@@@@@@', defaultInForce: true }),
      coveredUnder: ['E11.8', 'E11.65'],
    };
    const judgement = judgePairing(E119, LIPID_PANEL, evidence([ncd]));
    expect(judgement.verdict).toBe(Verdict.NOT_SUPPORTED);
    expect(judgement.reasons).toContain('NCD 190.23 does not cover E11.9; under E11 it covers E11.8, E11.65.');
    expect(judgement.answers[0].coveredUnder).toEqual(['E11.8', 'E11.65']);
  });
});
