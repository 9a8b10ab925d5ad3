import { describe, expect, it } from 'vitest';
import { CodeSystemId } from '../../src/domain/code-system-id';
import type { NcdDiagnosisRow, NcdProcedureRow } from '../../src/import/ncd/ncd-lab.parser';
import type { PolicyRecord } from '../../src/import/ncd/ncd-policies';
import { planPolicies, procedureSystem, type CodePresence, type PlanSource } from '../../src/import/ncd/policy-plan';
import { TabularOrder } from '../../src/import/ncd/tabular-order';
import type { Unresolved } from '../../src/import/official/addenda-record';

/** A few ICD-10-CM codes in tabular order: E11.6 is a header over E11.65; E78.6 and E11.8 are not in the release. */
const ORDER = new TabularOrder(['E10', 'E109', 'E11', 'E116', 'E1165', 'E119', 'E78', 'E785', 'Z0000'].map((code, index) => ({ code, sequence: index + 1 })));

const SOURCE: PlanSource = {
  publisher: 'CMS',
  version: '2022Q2',
  sourceFiles: ['ncd_lab_cpt_hcpcs_2022q2.csv', 'ncd_lab_icd10cm_2022q2.csv.gz'],
  origin: 'official',
};

const LIPIDS = { id: '190.23', title: 'Lipid Testing' };
const COUNTS = { id: '190.15', title: 'Blood Counts' };

function procedure(
  policyRef: { id: string; title: string },
  code: string,
  effectiveFrom: string | null = null,
  effectiveTo: string | null = null,
): NcdProcedureRow {
  return { policyId: policyRef.id, policyTitle: policyRef.title, code, effectiveFrom, effectiveTo, line: 2 };
}

/** A CODE entry ("E119") or a RANGE entry ("E109-E116"), as the parser reads it. */
function entry(
  policyRef: { id: string; title: string },
  listedAs: string,
  status: NcdDiagnosisRow['status'],
  effectiveFrom: string | null = '2015-10-01',
  effectiveTo: string | null = null,
): NcdDiagnosisRow {
  const [start, end = start] = listedAs.split('-') as [string, string?];
  return {
    policyId: policyRef.id,
    policyTitle: policyRef.title,
    listedAs,
    kind: listedAs.includes('-') ? 'RANGE' : 'CODE',
    start,
    end,
    effectiveFrom,
    effectiveTo,
    status,
    line: 2,
  };
}

function policy(
  ref: { id: string; title: string },
  procedures: NcdProcedureRow[],
  entries: NcdDiagnosisRow[],
  defaults: Pick<PolicyRecord, 'defaultStatus' | 'defaultEffectiveFrom' | 'defaultEffectiveTo'> = {
    defaultStatus: null,
    defaultEffectiveFrom: null,
    defaultEffectiveTo: null,
  },
): PolicyRecord {
  return { id: ref.id, title: ref.title, ...defaults, procedures, entries };
}

const present: CodePresence = { present: true, systemLoaded: true };
const absentFromLoaded: CodePresence = { present: false, systemLoaded: true };
const absentNoRelease: CodePresence = { present: false, systemLoaded: false };

function plan(policies: PolicyRecord[], procedures: Record<string, CodePresence> = {}) {
  const unresolved: Unresolved = {};
  return { plan: planPolicies(policies, ORDER, new Map(Object.entries(procedures)), SOURCE, unresolved), unresolved };
}

const RETIRED_DX = 'diagnosis codes policies list that the loaded ICD-10-CM release lacks (kept as retired references)';
const APPROXIMATE = 'policy ranges with an end the loaded ICD-10-CM release lacks (placed by code order)';
const RETIRED_PX = (system: string) => `policy procedure codes absent from the loaded ${system} release (kept as retired references)`;
const PLACEHOLDER_PX = (system: string) =>
  `policy procedure codes the graph lacks, written as placeholders (${system}: no licensed descriptors or no release loaded)`;

describe('procedureSystem', () => {
  it('tells CPT codes (five digits, or four digits and a letter) from HCPCS Level II codes (a letter and four digits)', () => {
    expect(procedureSystem('80061')).toBe(CodeSystemId.CPT);
    expect(procedureSystem('0001U')).toBe(CodeSystemId.CPT);
    expect(procedureSystem('G0103')).toBe(CodeSystemId.HCPCS);
  });

  it('answers null for a code of neither system, and for a code not written canonically', () => {
    expect(procedureSystem('E119')).toBeNull();
    expect(procedureSystem('g0103')).toBeNull();
    expect(procedureSystem('8006')).toBeNull();
  });
});

describe('planPolicies', () => {
  it('writes one policy row per policy with its source, and the @@@@@@@ default only when the list has a wildcard', () => {
    const { plan: written } = plan(
      [
        policy(LIPIDS, [procedure(LIPIDS, '80061')], [entry(LIPIDS, 'E119', 'COVERED')]),
        policy(COUNTS, [procedure(COUNTS, '85025')], [], { defaultStatus: 'COVERED', defaultEffectiveFrom: '2015-10-01', defaultEffectiveTo: null }),
      ],
      { 'CPT|80061': present, 'CPT|85025': present },
    );
    const sourceProps = { kind: 'NCD', origin: 'official', version: '2022Q2', sourceFiles: SOURCE.sourceFiles };
    expect(written.policies).toEqual([
      {
        id: '190.23',
        publisher: 'CMS',
        props: {
          title: 'Lipid Testing',
          ...sourceProps,
          defaultStatus: null,
          defaultListedAs: null,
          defaultEffectiveFrom: null,
          defaultEffectiveTo: null,
          effectiveFrom: '2015-10-01',
          effectiveTo: null,
        },
      },
      {
        id: '190.15',
        publisher: 'CMS',
        props: {
          title: 'Blood Counts',
          ...sourceProps,
          defaultStatus: 'COVERED',
          defaultListedAs: '@@@@@@@',
          defaultEffectiveFrom: '2015-10-01',
          defaultEffectiveTo: null,
          effectiveFrom: null,
          effectiveTo: null,
        },
      },
    ]);
    expect(written.listings.get('190.15')).toEqual([]);
  });

  it('dates a policy from its earliest row, and ends it only once every row has ended', () => {
    const { plan: open } = plan(
      [
        policy(
          LIPIDS,
          [procedure(LIPIDS, '80061', '2003-07-01')],
          [entry(LIPIDS, 'E119', 'COVERED', '2015-10-01', '2016-09-30'), entry(LIPIDS, 'E116', 'COVERED')],
        ),
      ],
      { 'CPT|80061': present },
    );
    expect(open.policies[0].props).toMatchObject({ effectiveFrom: '2003-07-01', effectiveTo: null });
    const { plan: ended } = plan(
      [policy(LIPIDS, [procedure(LIPIDS, '80061', '2003-07-01', '2017-12-31')], [entry(LIPIDS, 'E119', 'COVERED', '2015-10-01', '2016-09-30')])],
      { 'CPT|80061': present },
    );
    expect(ended.policies[0].props).toMatchObject({ effectiveFrom: '2003-07-01', effectiveTo: '2017-12-31' });
  });

  it('writes one listing row per entry and code it reaches, the code canonical with its dot and the key naming entry, dates and status', () => {
    const { plan: written, unresolved } = plan(
      [
        policy(
          LIPIDS,
          [procedure(LIPIDS, '80061')],
          [
            entry(LIPIDS, 'E119', 'COVERED'),
            entry(LIPIDS, 'E116', 'NOT_MEDICALLY_NECESSARY', '2015-10-01', '2019-09-30'),
            entry(LIPIDS, 'E109-E11', 'DENIED', null),
          ],
        ),
      ],
      { 'CPT|80061': present },
    );
    const row = (
      code: string,
      key: string,
      status: string,
      listedAs: string,
      via: string,
      effectiveFrom: string | null,
      effectiveTo: string | null = null,
    ) => ({
      system: CodeSystemId.ICD10CM,
      code,
      key,
      props: { status, listedAs, via, effectiveFrom, effectiveTo, retired: false },
    });
    expect(written.listings.get('190.23')).toEqual([
      row('E11.9', 'E119|2015-10-01||COVERED', 'COVERED', 'E119', 'CODE', '2015-10-01'),
      row('E11.6', 'E116|2015-10-01|2019-09-30|NOT_MEDICALLY_NECESSARY', 'NOT_MEDICALLY_NECESSARY', 'E116', 'CODE', '2015-10-01', '2019-09-30'),
      row('E11.65', 'E116|2015-10-01|2019-09-30|NOT_MEDICALLY_NECESSARY', 'NOT_MEDICALLY_NECESSARY', 'E116', 'CATEGORY', '2015-10-01', '2019-09-30'),
      // A range runs through every code under its end in tabular order.
      row('E10.9', 'E109-E11|||DENIED', 'DENIED', 'E109-E11', 'RANGE', null),
      row('E11', 'E109-E11|||DENIED', 'DENIED', 'E109-E11', 'RANGE', null),
      row('E11.6', 'E109-E11|||DENIED', 'DENIED', 'E109-E11', 'RANGE', null),
      row('E11.65', 'E109-E11|||DENIED', 'DENIED', 'E109-E11', 'RANGE', null),
      row('E11.9', 'E109-E11|||DENIED', 'DENIED', 'E109-E11', 'RANGE', null),
    ]);
    expect(written.keep.get('190.23')).toEqual({
      listings: [
        'E11.9#E119|2015-10-01||COVERED',
        'E11.6#E116|2015-10-01|2019-09-30|NOT_MEDICALLY_NECESSARY',
        'E11.65#E116|2015-10-01|2019-09-30|NOT_MEDICALLY_NECESSARY',
        'E10.9#E109-E11|||DENIED',
        'E11#E109-E11|||DENIED',
        'E11.6#E109-E11|||DENIED',
        'E11.65#E109-E11|||DENIED',
        'E11.9#E109-E11|||DENIED',
      ],
      governs: ['CPT|80061'],
    });
    expect(written.referenceCodes).toEqual([]);
    expect(unresolved).toEqual({});
  });

  it('keeps a diagnosis the release lacks as one retired reference, counted once, though two policies name it', () => {
    const { plan: written, unresolved } = plan(
      [
        policy(LIPIDS, [procedure(LIPIDS, '80061')], [entry(LIPIDS, 'E118', 'COVERED'), entry(LIPIDS, 'E118', 'DENIED', '2020-10-01')]),
        policy(COUNTS, [procedure(COUNTS, '85025')], [entry(COUNTS, 'E118', 'NOT_MEDICALLY_NECESSARY')]),
      ],
      { 'CPT|80061': present, 'CPT|85025': present },
    );
    expect(written.referenceCodes).toEqual([
      {
        system: CodeSystemId.ICD10CM,
        code: 'E11.8',
        labels: ['Retired'],
        props: {
          display: 'E11.8: not in the loaded ICD-10-CM release; named by an NCD lab list entry',
          shortDisplay: null,
          billable: false,
          kind: 'CODE',
          role: 'DIAGNOSIS',
          retired: true,
        },
      },
    ]);
    expect(written.listings.get('190.23')).toEqual([
      {
        system: CodeSystemId.ICD10CM,
        code: 'E11.8',
        key: 'E118|2015-10-01||COVERED',
        props: { status: 'COVERED', listedAs: 'E118', via: 'CODE', effectiveFrom: '2015-10-01', effectiveTo: null, retired: true },
      },
      {
        system: CodeSystemId.ICD10CM,
        code: 'E11.8',
        key: 'E118|2020-10-01||DENIED',
        props: { status: 'DENIED', listedAs: 'E118', via: 'CODE', effectiveFrom: '2020-10-01', effectiveTo: null, retired: true },
      },
    ]);
    expect(written.listings.get('190.15')!.map((r) => r.code)).toEqual(['E11.8']);
    expect(unresolved).toEqual({ [RETIRED_DX]: 1 });
  });

  it('keeps a range end the release lacks as a retired reference and counts the range as placed by code order', () => {
    const { plan: written, unresolved } = plan([policy(LIPIDS, [procedure(LIPIDS, '80061')], [entry(LIPIDS, 'E785-E786', 'COVERED')])], {
      'CPT|80061': present,
    });
    expect(
      written.listings.get('190.23')!.map((r) => [r.code, (r.props as { via: string; retired: boolean }).via, (r.props as { retired: boolean }).retired]),
    ).toEqual([
      ['E78.5', 'RANGE', false],
      ['E78.6', 'RANGE', true],
    ]);
    expect(written.referenceCodes.map((r) => [r.code, r.labels])).toEqual([['E78.6', ['Retired']]]);
    expect(unresolved).toEqual({ [RETIRED_DX]: 1, [APPROXIMATE]: 1 });
  });

  it('writes an absent CPT code as a published placeholder, even when CPT is loaded, since CPT is never known to be complete', () => {
    const { plan: written, unresolved } = plan([policy(LIPIDS, [procedure(LIPIDS, '0001U', '2020-01-01')], [])], { 'CPT|0001U': absentFromLoaded });
    expect(written.referenceCodes).toEqual([
      {
        system: CodeSystemId.CPT,
        code: '0001U',
        labels: ['Procedure', 'CPT', 'Published'],
        props: {
          display: 'CPT 0001U: descriptor not loaded (licensed by the AMA); governed by NCD 190.23 Lipid Testing',
          shortDisplay: null,
          billable: true,
          kind: 'CODE',
          role: 'PROCEDURE',
          placeholder: true,
        },
      },
    ]);
    expect(written.governs).toEqual([{ policy: '190.23', system: CodeSystemId.CPT, code: '0001U', effectiveFrom: '2020-01-01', effectiveTo: null }]);
    expect(unresolved).toEqual({ [PLACEHOLDER_PX('CPT')]: 1 });
  });

  it('writes a CPT code missing from the presence map as a placeholder too', () => {
    const { plan: written } = plan([policy(LIPIDS, [procedure(LIPIDS, '80061')], [])]);
    expect(written.referenceCodes.map((r) => [r.system, r.code, (r.props as { placeholder: boolean }).placeholder])).toEqual([
      [CodeSystemId.CPT, '80061', true],
    ]);
  });

  it('keeps an HCPCS code the loaded HCPCS release lacks as a retired reference, once, though two policies govern it', () => {
    const { plan: written, unresolved } = plan([policy(LIPIDS, [procedure(LIPIDS, 'G0306')], []), policy(COUNTS, [procedure(COUNTS, 'G0306')], [])], {
      'HCPCS|G0306': absentFromLoaded,
    });
    expect(written.referenceCodes).toEqual([
      {
        system: CodeSystemId.HCPCS,
        code: 'G0306',
        labels: ['Retired'],
        props: {
          display: 'HCPCS G0306: not in the loaded HCPCS release; named by NCD 190.23 Lipid Testing',
          shortDisplay: null,
          billable: false,
          kind: 'CODE',
          role: 'PROCEDURE',
          retired: true,
        },
      },
    ]);
    expect(written.governs.map((g) => [g.policy, g.system, g.code])).toEqual([
      ['190.23', CodeSystemId.HCPCS, 'G0306'],
      ['190.15', CodeSystemId.HCPCS, 'G0306'],
    ]);
    expect(unresolved).toEqual({ [RETIRED_PX('HCPCS')]: 1 });
  });

  it('writes an HCPCS code as a placeholder when no HCPCS release is loaded', () => {
    const { plan: written, unresolved } = plan([policy(LIPIDS, [procedure(LIPIDS, 'G0103')], [])], { 'HCPCS|G0103': absentNoRelease });
    expect(written.referenceCodes.map((r) => [r.system, r.code, r.labels, (r.props as { placeholder: boolean }).placeholder])).toEqual([
      [CodeSystemId.HCPCS, 'G0103', ['Procedure', 'HCPCS', 'Published'], true],
    ]);
    expect(unresolved).toEqual({ [PLACEHOLDER_PX('HCPCS')]: 1 });
  });

  it('writes no reference row for procedure codes the graph holds, and keeps "SYSTEM|code" for each governed code', () => {
    const { plan: written, unresolved } = plan([policy(LIPIDS, [procedure(LIPIDS, '80061'), procedure(LIPIDS, 'G0103')], [])], {
      'CPT|80061': present,
      'HCPCS|G0103': present,
    });
    expect(written.referenceCodes).toEqual([]);
    expect(written.keep.get('190.23')).toEqual({ listings: [], governs: ['CPT|80061', 'HCPCS|G0103'] });
    expect(unresolved).toEqual({});
  });

  it('rejects a procedure code of neither system, naming the policy and the code', () => {
    expect(() => plan([policy(LIPIDS, [procedure(LIPIDS, '1234B')], [])])).toThrow(
      'NCD 190.23 procedure "1234B" passed the parser but is neither CPT nor HCPCS',
    );
  });

  it('adds to counts already in `unresolved` rather than replacing them', () => {
    const unresolved: Unresolved = { [RETIRED_DX]: 2, 'NCD lab rows repeated exactly (written once)': 1 };
    planPolicies(
      [policy(LIPIDS, [procedure(LIPIDS, '80061')], [entry(LIPIDS, 'E118', 'COVERED')])],
      ORDER,
      new Map([['CPT|80061', present]]),
      SOURCE,
      unresolved,
    );
    expect(unresolved).toEqual({ [RETIRED_DX]: 3, 'NCD lab rows repeated exactly (written once)': 1 });
  });
});
