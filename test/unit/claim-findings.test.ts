import { describe, expect, it } from 'vitest';
import { CodeSystemId } from '../../src/modules/code-system/code-system-id.enum';
import { CodeRole } from '../../src/modules/code-system/code-role.enum';
import { CodeKind } from '../../src/modules/code/code-kind.enum';
import type { CodeNode } from '../../src/modules/code/code.type';
import { finding, lineSummary, outcomeOf, type ResolvedCode } from '../../src/modules/claim/claim-findings';
import { ClaimOutcome, FindingCode, Severity } from '../../src/modules/claim/claim-validation.type';
import { codeFindings } from '../../src/modules/claim/code-findings';
import { excludes1Findings } from '../../src/modules/claim/excludes1-findings';
import { necessityFindings } from '../../src/modules/claim/necessity-findings';
import { MatchedVia } from '../../src/modules/pairing/matched-via.enum';
import { PairingStatus } from '../../src/modules/pairing/pairing-status.enum';
import { judgePairing, type EvidencePolicy, type PairEvidence } from '../../src/modules/pairing/pairing-verdict';
import type { ClaimCode } from '../../src/modules/pairing/pairing.repository';

const E119: CodeNode = {
  system: CodeSystemId.ICD10CM,
  code: 'E11.9',
  display: 'Type 2 diabetes mellitus without complications',
  shortDisplay: null,
  billable: true,
  kind: CodeKind.CODE,
  role: CodeRole.DIAGNOSIS,
};
const E11: CodeNode = {
  system: CodeSystemId.ICD10CM,
  code: 'E11',
  display: 'Type 2 diabetes mellitus',
  shortDisplay: null,
  billable: false,
  kind: CodeKind.CATEGORY,
  role: CodeRole.DIAGNOSIS,
};
const Z0000: CodeNode = {
  system: CodeSystemId.ICD10CM,
  code: 'Z00.00',
  display: 'Encounter for general adult medical examination without abnormal findings',
  shortDisplay: null,
  billable: true,
  kind: CodeKind.CODE,
  role: CodeRole.DIAGNOSIS,
};
const R7309: CodeNode = {
  system: CodeSystemId.ICD10CM,
  code: 'R73.09',
  display: 'Other abnormal glucose',
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

const FY2025 = { version: '2025', effectiveFrom: '2024-10-01', effectiveTo: '2025-09-30' };
const FY2026 = { version: '2026', effectiveFrom: '2025-10-01', effectiveTo: null };

const found = (code: ClaimCode['code'], releases: ClaimCode['releases']): ResolvedCode => ({ kind: 'found', raw: code.code, found: { code, releases } });

const LIPIDS = 'Lipid Testing';
function lipidPolicy(overrides: Partial<EvidencePolicy['policy']>, listings: EvidencePolicy['listings'] = []): PairEvidence {
  return {
    policies: [
      {
        policy: {
          id: '190.23',
          title: LIPIDS,
          defaultStatus: null,
          defaultListedAs: null,
          defaultEffectiveFrom: null,
          defaultEffectiveTo: null,
          defaultInForce: false,
          ...overrides,
        },
        listings,
      },
    ],
    curated: [],
    curatedCount: 0,
  };
}
const NO_EVIDENCE: PairEvidence = { policies: [], curated: [], curatedCount: 0 };
const judged = (diagnosis: CodeNode, evidence: PairEvidence) => ({ diagnosis, judgement: judgePairing(diagnosis, LIPID_PANEL, evidence) });

describe('codeFindings', () => {
  it('reports a malformed code as UNKNOWN_CODE, quoting what was given and why it is no code', () => {
    expect(codeFindings('diagnosis', { kind: 'malformed', raw: 'E11..9', message: 'Code "E11..9" fits no known code format' }, '2026-01-15')).toEqual([
      {
        code: FindingCode.UNKNOWN_CODE,
        severity: Severity.ERROR,
        message: 'The diagnosis "E11..9" is not a code: Code "E11..9" fits no known code format.',
        evidence: [],
      },
    ]);
  });

  it('reports a well-formed code no loaded release holds as UNKNOWN_CODE, with the system and the code as evidence', () => {
    expect(codeFindings('procedure', { kind: 'unknown', raw: 'j9999', code: 'J9999', system: 'HCPCS' }, null)).toEqual([
      {
        code: FindingCode.UNKNOWN_CODE,
        severity: Severity.ERROR,
        message: 'The procedure HCPCS J9999 is in no loaded release.',
        evidence: [{ kind: 'CODE', policyId: null, listedAs: null, code: 'J9999', target: null, detail: 'No loaded release holds HCPCS J9999.' }],
      },
    ]);
  });

  it('reports a retired reference as UNKNOWN_CODE that says it is retired, and nothing else about it', () => {
    const retired = {
      ...E119,
      code: 'E11.8',
      display: 'E11.8: not in the loaded ICD-10-CM release; named by an NCD lab list entry',
      billable: false,
      retired: true,
    };
    expect(codeFindings('diagnosis', found(retired, []), '2026-01-15')).toEqual([
      {
        code: FindingCode.UNKNOWN_CODE,
        severity: Severity.ERROR,
        message: 'The diagnosis ICD10CM E11.8 is retired: no loaded release holds it (a policy list still names it).',
        evidence: [{ kind: 'CODE', policyId: null, listedAs: null, code: 'E11.8', target: null, detail: retired.display }],
      },
    ]);
  });

  it('reports a header as NOT_BILLABLE, naming its title', () => {
    expect(codeFindings('diagnosis', found(E11, [FY2026]), '2026-01-15')).toEqual([
      {
        code: FindingCode.NOT_BILLABLE,
        severity: Severity.ERROR,
        message: 'The diagnosis E11 is a header (Type 2 diabetes mellitus): report one of the codes under it.',
        evidence: [{ kind: 'CODE', policyId: null, listedAs: null, code: 'E11', target: null, detail: 'E11 has codes under it and is not valid for claims.' }],
      },
    ]);
  });

  it('finds nothing wrong with a billable code valid on the date, including on the last day of a closed release', () => {
    expect(codeFindings('diagnosis', found(E119, [FY2025, FY2026]), '2026-01-15')).toEqual([]);
    expect(codeFindings('diagnosis', found(E119, [FY2025]), '2025-09-30')).toEqual([]);
    expect(codeFindings('diagnosis', found(E119, [FY2025]), '2024-10-01')).toEqual([]);
  });

  it('reports a date outside every release the code is in as NOT_VALID_ON_DATE, naming each release window', () => {
    const openStart = { version: '2024', effectiveFrom: null, effectiveTo: '2024-09-30' };
    expect(codeFindings('diagnosis', found(E119, [openStart, FY2025]), '2025-10-01')).toEqual([
      {
        code: FindingCode.NOT_VALID_ON_DATE,
        severity: Severity.ERROR,
        message: 'The diagnosis E11.9 is not valid on 2025-10-01: it is valid in 2024 (… to 2024-09-30), 2025 (2024-10-01 to 2025-09-30).',
        evidence: [
          {
            kind: 'RELEASE',
            policyId: null,
            listedAs: null,
            code: 'E11.9',
            target: null,
            detail: 'ICD10CM E11.9 is valid in 2024 (… to 2024-09-30), 2025 (2024-10-01 to 2025-09-30).',
          },
        ],
      },
    ]);
    expect(codeFindings('diagnosis', found(E119, [FY2026]), '2025-09-30')[0].message).toBe(
      'The diagnosis E11.9 is not valid on 2025-09-30: it is valid in 2026 (2025-10-01 to open).',
    );
  });

  it('reports both a header and a date outside its releases', () => {
    expect(codeFindings('diagnosis', found(E11, [FY2026]), '2020-01-01').map((f) => f.code)).toEqual([FindingCode.NOT_BILLABLE, FindingCode.NOT_VALID_ON_DATE]);
  });

  it('does not date a code that belongs to no release, such as a CPT placeholder', () => {
    expect(codeFindings('procedure', found(LIPID_PANEL, []), '1990-01-01')).toEqual([]);
  });

  it('does not date anything when the claim gives no date', () => {
    expect(codeFindings('diagnosis', found(E119, [FY2026]), null)).toEqual([]);
  });
});

describe('excludes1Findings', () => {
  it('reports a pair forbidden from both sides once, in code order, with both notes as evidence', () => {
    const findings = excludes1Findings([
      { a: 'E11.9', b: 'E10.9', source: 'E11', text: 'type 1 diabetes mellitus (E10.-)', target: 'E10' },
      { a: 'E10.9', b: 'E11.9', source: 'E10', text: 'type 2 diabetes mellitus (E11.-)', target: 'E11' },
    ]);
    expect(findings).toEqual([
      {
        code: FindingCode.EXCLUDES1_CONFLICT,
        severity: Severity.ERROR,
        message: 'E10.9 and E11.9 are never coded together: an Excludes1 note forbids it.',
        evidence: [
          {
            kind: 'EXCLUDES1_NOTE',
            policyId: null,
            code: 'E11',
            target: 'E10',
            listedAs: 'type 1 diabetes mellitus (E10.-)',
            detail: 'Excludes1 on E11: "type 1 diabetes mellitus (E10.-)" (applies to E11.9, names E10, which covers E10.9).',
          },
          {
            kind: 'EXCLUDES1_NOTE',
            policyId: null,
            code: 'E10',
            target: 'E11',
            listedAs: 'type 2 diabetes mellitus (E11.-)',
            detail: 'Excludes1 on E10: "type 2 diabetes mellitus (E11.-)" (applies to E10.9, names E11, which covers E11.9).',
          },
        ],
      },
    ]);
  });

  it('reports distinct pairs separately and nothing when there is no conflict', () => {
    const findings = excludes1Findings([
      { a: 'E11.9', b: 'E10.9', source: 'E11', text: 'type 1 diabetes mellitus (E10.-)', target: 'E10' },
      { a: 'E11.9', b: 'O24.419', source: 'E11', text: 'gestational diabetes (O24.4-)', target: 'O24.4' },
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'E10.9 and E11.9 are never coded together: an Excludes1 note forbids it.',
      'E11.9 and O24.419 are never coded together: an Excludes1 note forbids it.',
    ]);
    expect(excludes1Findings([])).toEqual([]);
  });
});

describe('necessityFindings', () => {
  const covered = lipidPolicy({}, [{ status: PairingStatus.COVERED, listedAs: 'E119', via: MatchedVia.CODE, effectiveFrom: '2015-10-01', effectiveTo: null }]);
  const denied = lipidPolicy({}, [{ status: PairingStatus.DENIED, listedAs: 'Z0000', via: MatchedVia.CODE, effectiveFrom: '2015-10-01', effectiveTo: null }]);
  const byRule = lipidPolicy({
    defaultStatus: PairingStatus.NOT_MEDICALLY_NECESSARY,
    defaultListedAs: '@@@@@@@',
    defaultEffectiveFrom: '2015-10-01',
    defaultInForce: true,
  });

  it("finds nothing when one of the line's diagnoses supports the procedure, whatever the others say", () => {
    expect(necessityFindings(LIPID_PANEL, [judged(Z0000, denied), judged(E119, covered)])).toEqual([]);
  });

  it('finds no supporting diagnosis for a line whose diagnoses all failed to resolve', () => {
    expect(necessityFindings(LIPID_PANEL, [])).toEqual([
      {
        code: 'NO_SUPPORTING_DIAGNOSIS',
        severity: 'ERROR',
        message: "None of the line's diagnoses is a code of the loaded release, so none can support 80061.",
        evidence: [],
      },
    ]);
  });

  it('reports one NO_POLICY for information when nothing governs the procedure for any diagnosis', () => {
    expect(necessityFindings(LIPID_PANEL, [judged(E119, NO_EVIDENCE), judged(R7309, NO_EVIDENCE)])).toEqual([
      {
        code: FindingCode.NO_POLICY,
        severity: Severity.INFO,
        message: 'No policy or curated pairing governs 80061: medical necessity was not checked.',
        evidence: [],
      },
    ]);
  });

  it('reports a denied listing as NOT_COVERED naming the NCD and the listing, then NO_SUPPORTING_DIAGNOSIS', () => {
    const findings = necessityFindings(LIPID_PANEL, [judged(Z0000, denied)]);
    const listingEvidence = {
      kind: 'POLICY_LISTING',
      policyId: '190.23',
      listedAs: 'Z0000',
      code: 'Z00.00',
      target: '80061',
      detail: 'NCD 190.23: Z00.00 denied for 80061 (code Z0000).',
    };
    expect(findings).toEqual([
      {
        code: FindingCode.NOT_COVERED,
        severity: Severity.ERROR,
        message: 'NCD 190.23 (Lipid Testing) denies 80061 for Z00.00 (listed as Z0000).',
        evidence: [listingEvidence],
      },
      {
        code: FindingCode.NO_SUPPORTING_DIAGNOSIS,
        severity: Severity.ERROR,
        message: "None of the line's diagnoses (Z00.00) supports 80061.",
        evidence: [listingEvidence],
      },
    ]);
  });

  it('reports a default rule that finds the diagnosis not medically necessary as NOT_COVERED by its rule for codes it does not list', () => {
    const findings = necessityFindings(LIPID_PANEL, [judged(R7309, byRule)]);
    expect(findings[0]).toEqual({
      code: FindingCode.NOT_COVERED,
      severity: Severity.ERROR,
      message: 'NCD 190.23 (Lipid Testing) does not find medically necessary 80061 for R73.09 by its rule for codes it does not list (@@@@@@@).',
      evidence: [
        {
          kind: 'POLICY_DEFAULT_RULE',
          policyId: '190.23',
          listedAs: '@@@@@@@',
          code: 'R73.09',
          target: '80061',
          detail: 'NCD 190.23: R73.09 not medically necessary for 80061 (default rule @@@@@@@).',
        },
      ],
    });
    expect(findings.map((f) => f.code)).toEqual([FindingCode.NOT_COVERED, FindingCode.NO_SUPPORTING_DIAGNOSIS]);
  });

  it('reports NO_SUPPORTING_DIAGNOSIS alone, naming every diagnosis, when the policy neither lists them nor has a rule in force', () => {
    const silent = lipidPolicy({ defaultStatus: PairingStatus.COVERED, defaultListedAs: '@@@@@@@', defaultInForce: false });
    expect(necessityFindings(LIPID_PANEL, [judged(E119, silent), judged(R7309, silent)])).toEqual([
      {
        code: FindingCode.NO_SUPPORTING_DIAGNOSIS,
        severity: Severity.ERROR,
        message: "None of the line's diagnoses (E11.9, R73.09) supports 80061.",
        evidence: [],
      },
    ]);
  });

  it('issue 15: reports NO_POLICY (information), not NO_SUPPORTING_DIAGNOSIS, when no policy governs the procedure and its curated pairings name other diagnoses', () => {
    const curatedElsewhere: PairEvidence = {
      policies: [],
      curated: [],
      curatedCount: 1,
      curatedOthers: [{ diagnosis: 'E78.5', author: 'alice', source: 'ACC/AHA 2026' }],
    };
    const found = necessityFindings(LIPID_PANEL, [judged(E119, curatedElsewhere), judged(R7309, NO_EVIDENCE)]);
    expect(found).toEqual([
      {
        code: FindingCode.NO_POLICY,
        severity: Severity.INFO,
        message:
          "No policy governs 80061: medical necessity was not checked. Curated pairings name it with E78.5, not with the line's diagnoses; a curated pairing only adds support.",
        evidence: [
          {
            kind: 'CURATED_PAIRING',
            policyId: null,
            listedAs: null,
            code: 'E78.5',
            target: '80061',
            detail: 'Curated by alice (ACC/AHA 2026): E78.5 justifies 80061.',
          },
        ],
      },
    ]);
    expect(outcomeOf(found)).toBe(ClaimOutcome.PASS);
  });
});

describe('outcomeOf', () => {
  const error = finding(FindingCode.NOT_BILLABLE, 'header');
  const info = finding(FindingCode.NO_POLICY, 'no policy');
  const warning = { severity: Severity.WARNING };

  it('fails on any error, asks for review on a warning without errors, and passes otherwise', () => {
    expect(outcomeOf([info, warning, error])).toBe(ClaimOutcome.FAIL);
    expect(outcomeOf([info, warning])).toBe(ClaimOutcome.REVIEW);
    expect(outcomeOf([info])).toBe(ClaimOutcome.PASS);
    expect(outcomeOf([])).toBe(ClaimOutcome.PASS);
  });
});

describe('lineSummary', () => {
  it('says a line with no finding passes', () => {
    expect(lineSummary(1, '80061', [])).toBe('Line 1 (80061) passes.');
  });

  it('says a line with information only passes, naming the findings', () => {
    expect(lineSummary(2, '80061', [finding(FindingCode.NO_POLICY, 'no policy')])).toBe('Line 2 (80061) passes (NO_POLICY).');
  });

  it('says a line with errors would be denied, naming each error code once in order of appearance', () => {
    const findings = [
      finding(FindingCode.NOT_COVERED, 'one'),
      finding(FindingCode.NO_POLICY, 'info'),
      finding(FindingCode.NOT_COVERED, 'two'),
      finding(FindingCode.NO_SUPPORTING_DIAGNOSIS, 'none'),
    ];
    expect(lineSummary(3, 'G0103', findings)).toBe('Line 3 (G0103) would be denied: NOT_COVERED, NO_SUPPORTING_DIAGNOSIS.');
  });
});
