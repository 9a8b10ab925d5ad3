import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

/**
 * Issue 18, items 2 (typed output dates), 4 (names and enums) and 7 (nullability): read from the
 * schema as a client's tools see it (introspection), and from answers over the sample.
 */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  description: string | null;
  isDeprecated: boolean;
  deprecationReason: string | null;
  type: TypeRef;
}
interface IntrospectedType {
  name: string;
  kind: string;
  fields: IntrospectedField[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
let types: IntrospectedType[] = [];

beforeAll(async () => {
  const answer = await h.run<{ __schema: { types: IntrospectedType[] } }>(
    `{ __schema { types { name kind fields(includeDeprecated: true) { name description isDeprecated deprecationReason type { ${TYPE_REF} } } } } }`,
  );
  expect(answer.errors).toBeUndefined();
  types = answer.data!.__schema.types.filter((t) => (t.kind === 'OBJECT' || t.kind === 'INTERFACE') && !t.name.startsWith('__'));
});

/** "Date!" / "[DeletedCode!]!" as SDL writes a type. */
function written(type: TypeRef): string {
  if (type.kind === 'NON_NULL') return `${written(type.ofType!)}!`;
  if (type.kind === 'LIST') return `[${written(type.ofType!)}]`;
  return type.name!;
}
const field = (typeName: string, fieldName: string): IntrospectedField => {
  const found = types.find((t) => t.name === typeName)?.fields?.find((f) => f.name === fieldName);
  expect(found, `${typeName}.${fieldName}`).toBeDefined();
  return found!;
};

const CALENDAR_DATE =
  /^(date|dateOfService|asOf|effectiveFrom|effectiveTo|effectiveDate|terminationDate|addedDate|deletionDate|fileDate|windowFrom|windowTo|defaultEffectiveFrom|defaultEffectiveTo)$/;
const INSTANT = /^(at|createdAt|retiredAt)$/;

describe('the output contract (issue 18)', () => {
  it('types every output calendar date as Date and every audit time as DateTime, with no String left that says it holds a date', () => {
    const dates = types.flatMap((t) => (t.fields ?? []).map((f) => ({ where: `${t.name}.${f.name}`, f })));
    const calendar = dates.filter(({ f }) => CALENDAR_DATE.test(f.name));
    const instants = dates.filter(({ f }) => INSTANT.test(f.name));
    expect(calendar.length).toBeGreaterThan(25);
    expect(instants.map((d) => d.where).sort()).toEqual(['AuditEvent.at', 'Curation.createdAt', 'Curation.retiredAt']);
    for (const { where, f } of calendar) expect(`${where}: ${written(f.type).replace('!', '')}`).toBe(`${where}: Date`);
    for (const { where, f } of instants) expect(`${where}: ${written(f.type).replace('!', '')}`).toBe(`${where}: DateTime`);
    const stringDates = dates.filter(({ f }) => written(f.type).startsWith('String') && /ISO date/.test(f.description ?? ''));
    expect(stringDates.map((d) => d.where)).toEqual([]);
  });

  it('answers dates and audit times in the scalar formats', async () => {
    const answer = await h.run<{
      code: {
        validIn: Array<{ effectiveFrom: string; effectiveTo: string | null }>;
        justifiedBy: { asOf: string; nodes: Array<{ curation: { createdAt: string } | null }> };
      };
    }>(
      '{ code(system: CPT, code: "99213") { validIn { effectiveFrom effectiveTo } ... on Procedure { justifiedBy { asOf nodes { curation { createdAt } } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const code = answer.data!.code;
    expect(code.validIn[0]!.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(code.justifiedBy.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const created = code.justifiedBy.nodes.find((n) => n.curation)?.curation?.createdAt;
    expect(created, 'the sample curated pairing of 99213').toBe('2026-11-27T00:00:00Z');
  });

  it('makes closed sets enums: Evidence.kind, AuditEvent.action, Policy.kind, ArticleDiagnosisGroup.kind, ArticleDiagnosis.via', () => {
    expect(written(field('Evidence', 'kind').type)).toBe('EvidenceKind!');
    expect(written(field('AuditEvent', 'action').type)).toBe('AuditAction!');
    expect(written(field('Policy', 'kind').type)).toBe('PolicyKind!');
    expect(written(field('ArticleDiagnosisGroup', 'kind').type)).toBe('ArticleGroupKind!');
    expect(written(field('ArticleDiagnosis', 'via').type)).toBe('MatchedVia!');
  });

  it('keeps each renamed field, deprecated with a reason that names its replacement, and the replacement answers the same', async () => {
    const renamed: Array<[string, string, string]> = [
      ['Category', 'system', 'systemId'],
      ['Release', 'system', 'systemId'],
      ['Modifier', 'system', 'systemId'],
      ['ProcedureJustification', 'diagnoses', 'diagnosesCount'],
      ['ProcedureJustification', 'policies', 'governingPolicies'],
      ['ChapterCount', 'diagnoses', 'diagnosesCount'],
      ['ProcedureOverlap', 'diagnoses', 'diagnosesCount'],
    ];
    for (const [type, old, replacement] of renamed) {
      expect(field(type, old)).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining(`Use ${replacement}`) });
      expect(field(type, replacement).isDeprecated).toBe(false);
    }
    const answer = await h.run<{
      procedureRanking: Array<{ diagnoses: number; diagnosesCount: number; policies: string[]; governingPolicies: Array<{ key: string }> }>;
      code: {
        categories: Array<{ system: string; systemId: string }>;
        validIn: Array<{ system: string; systemId: string }>;
        justifyingChapters: Array<{ diagnoses: number; diagnosesCount: number }>;
        overlappingProcedures: Array<{ diagnoses: number; diagnosesCount: number }>;
      };
      modifiers: Array<{ system: string; systemId: string }>;
    }>(`{ procedureRanking { diagnoses diagnosesCount policies governingPolicies { key } }
        code(system: CPT, code: "80061") { categories { system systemId } validIn { system systemId }
          ... on Procedure { justifyingChapters { diagnoses diagnosesCount } overlappingProcedures { diagnoses diagnosesCount } } }
        modifiers { system systemId } }`);
    expect(answer.errors).toBeUndefined();
    const { procedureRanking, code, modifiers } = answer.data!;
    expect(procedureRanking.length).toBeGreaterThan(0);
    expect(procedureRanking.some((r) => r.policies.length > 0)).toBe(true);
    for (const row of procedureRanking) {
      expect(row.diagnosesCount).toBe(row.diagnoses);
      expect(row.governingPolicies.map((p) => p.key)).toEqual(row.policies);
    }
    for (const rows of [code.justifyingChapters, code.overlappingProcedures]) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.diagnosesCount).toBe(row.diagnoses);
    }
    for (const rows of [code.categories, code.validIn, modifiers]) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.systemId).toBe(row.system);
    }
  });

  it('makes Release.effectiveFrom, codeCount and deleted and Policy.version non-null, and answers an empty deleted list for a release without addenda', async () => {
    expect(written(field('Release', 'effectiveFrom').type)).toBe('Date!');
    expect(written(field('Release', 'codeCount').type)).toBe('Int!');
    expect(written(field('Release', 'deleted').type)).toBe('[DeletedCode!]!');
    expect(written(field('Policy', 'version').type)).toBe('String!');
    const answer = await h.run<{
      release: { addedCount: number | null; deleted: unknown[]; codeCount: number };
      policies: Array<{ key: string; version: string }>;
    }>('{ release(system: ICD10CM, version: "2026") { addedCount deleted { code } codeCount } policies { key version } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.release).toMatchObject({ addedCount: null, deleted: [] });
    expect(answer.data!.release.codeCount).toBeGreaterThan(0);
    expect(answer.data!.policies.find((p) => p.key === '190.23B')?.version).toBe('2022Q2');
  });
});
