import { describe, expect, it } from 'vitest';
import { placeNeighbourhood } from '../../web/explorer/src/layout';
import { GROUP_CAP, groupByPolicy, neighbourhood } from '../../web/explorer/src/neighbourhood';
import type { CodeDetail, CodeRef, Note, PairingNode } from '../../web/explorer/src/types';

const dx = (code: string): CodeRef => ({ code, systemId: 'ICD10CM', display: `title of ${code}` });
const px = (code: string): CodeRef => ({ code, systemId: 'CPT', display: `title of ${code}` });
const pairing = (d: CodeRef, p: CodeRef, policy: string | null): PairingNode => ({
  status: policy ? 'COVERED' : 'CURATED',
  listedAs: null,
  matchedVia: policy ? 'CODE' : 'CURATED',
  policy: policy ? { key: policy, title: `Policy ${policy}` } : null,
  diagnosis: d,
  procedure: p,
});

function detail(overrides: Partial<CodeDetail>): CodeDetail {
  return {
    __typename: 'Diagnosis',
    code: 'E11',
    systemId: 'ICD10CM',
    display: 'Type 2 diabetes mellitus',
    billable: false,
    kind: 'CATEGORY',
    shortDisplay: null,
    system: { systemId: 'ICD10CM', shortName: 'ICD-10-CM', name: 'ICD-10-CM', maintainedBy: [{ key: 'CDC', abbreviation: 'CDC/NCHS', name: 'CDC' }] },
    parent: null,
    ancestors: [],
    categories: [],
    children: [],
    ...overrides,
  };
}

describe('the explorer neighbourhood', () => {
  it('draws at most GROUP_CAP children and one "N more" node for the rest', () => {
    const children = Array.from({ length: GROUP_CAP + 5 }, (_, i) => dx(`E11.${i}`));
    const elements = neighbourhood(detail({ children }), []);
    const drawn = elements.edges.filter((e) => e.relation === 'child' && e.target.startsWith('code:'));
    expect(drawn).toHaveLength(GROUP_CAP);
    const more = elements.nodes.find((n) => n.kind === 'more');
    expect(more?.label).toBe('5 more');
    expect(elements.more).toEqual([expect.objectContaining({ id: more!.id, kind: 'children', rest: children.slice(GROUP_CAP) })]);
  });

  it("puts a procedure's justifying diagnoses in one box per policy, labelled with its total, and caps each box", () => {
    const procedure = detail({
      __typename: 'Procedure',
      code: '80061',
      systemId: 'CPT',
      kind: 'CODE',
      billable: true,
      system: { systemId: 'CPT', shortName: 'CPT', name: 'CPT', maintainedBy: [{ key: 'AMA', abbreviation: 'AMA', name: 'AMA' }] },
    });
    const nodes = Array.from({ length: GROUP_CAP }, (_, i) => pairing(dx(`E78.${i}`), px('80061'), '190.23B'));
    const elements = neighbourhood(procedure, [
      { policy: { key: '190.23B', title: 'Lipids Testing' }, status: null, totalCount: 1694, endCursor: 'c12', hasNextPage: true, nodes },
      { policy: null, status: ['CURATED'], totalCount: 0, endCursor: null, hasNextPage: false, nodes: [] },
    ]);
    const groups = elements.nodes.filter((n) => n.kind === 'policy');
    expect(groups.map((g) => g.label)).toEqual(['NCD 190.23B Lipids Testing (1,694)']);
    expect(elements.nodes.filter((n) => n.parent === groups[0].id && n.kind === 'code')).toHaveLength(GROUP_CAP);
    expect(elements.nodes.find((n) => n.parent === groups[0].id && n.kind === 'more')?.label).toBe('1,682 more');
    expect(elements.edges.find((e) => e.relation === 'justifies')).toMatchObject({
      source: groups[0].id,
      target: 'code:CPT:80061',
      label: 'justifies (covered)',
    });
    expect(elements.edges.find((e) => e.relation === 'maintained by')).toMatchObject({ source: 'system:CPT', target: 'organization:AMA' });
  });

  it("groups a diagnosis's pairings by policy, curated ones together, in order of first appearance", () => {
    const groups = groupByPolicy([
      pairing(dx('E78.5'), px('80061'), '190.23B'),
      pairing(dx('E78.5'), px('99213'), null),
      pairing(dx('E78.5'), px('80053'), '190.23B'),
    ]);
    expect(groups.map((g) => [g.policy?.key ?? 'curated', g.nodes.map((n) => n.procedure.code)])).toEqual([
      ['190.23B', ['80061', '80053']],
      ['curated', ['99213']],
    ]);
  });

  const note = (text: string, targets: CodeRef[], level: Note['level'] = 'CODE'): Note => ({
    kind: 'EXCLUDES1',
    text,
    level,
    inherited: level !== 'CODE',
    targets,
    targetCategories: [],
    statedOnCode: null,
    statedOnCategory: null,
  });

  it('links note targets with their kind and places every node of the neighbourhood', () => {
    const elements = neighbourhood(detail({ parent: null, excludes1: [note('type 1 diabetes mellitus (E10.-)', [dx('E10')])], children: [dx('E11.9')] }), []);
    expect(elements.edges.find((e) => e.target === 'code:ICD10CM:E10')).toMatchObject({ relation: 'EXCLUDES1', label: 'Excludes1' });
    const at = placeNeighbourhood('code:ICD10CM:E11', elements.nodes, elements.edges, { x: 0, y: 0 });
    expect(elements.nodes.filter((n) => n.kind !== 'policy').every((n) => at.has(n.id))).toBe(true);
  });

  it('draws every target of a note that names several codes, and no target of a note its chapter states', () => {
    const excludes1 = [note('(E10.-, E13.-)', [dx('E10'), dx('E13')], 'ANCESTOR'), note('(P70-P74)', [dx('P70')], 'CHAPTER')];
    const elements = neighbourhood(detail({ parent: null, excludes1, children: [] }), []);
    const targets = elements.edges.filter((e) => e.relation === 'EXCLUDES1').map((e) => e.target);
    expect(targets).toEqual(['code:ICD10CM:E10', 'code:ICD10CM:E13']);
  });
});
