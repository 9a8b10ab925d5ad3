import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { logger } from '../../src/common/logger';
import { readApiKeys } from '../../src/config';
import type { Caller } from '../../src/context';
import { createSchema } from '../../src/schema';
import { startService, type RunningService } from '../../src/server';
import { createHarness, type Harness } from '../support/harness';

/**
 * Pairings on the bundled sample: its curated pairings and its NCD lab excerpt (data/sample/ncd-lab,
 * four policies in the official CSV layout). The expected answers are read off those small files.
 */
let h: Harness;
let service: RunningService;
const DATE = '2026-03-15';
const WRITER: Caller = { credential: 'valid', name: 'test-curator', role: 'curator', licensed: false };
const KEYS = readApiKeys('http-curator=sample-test-key-0123456789');

beforeAll(async () => {
  h = await createHarness();
  service = await startService(
    { schema: await createSchema(), executor: h.executor, logger: logger.child({}, { level: 'silent' }), databaseReady: async () => true, apiKeys: KEYS },
    '127.0.0.1',
    0,
  );
});
afterAll(async () => {
  await service.stop();
  await h.close();
});

type Pairing = {
  diagnosis: { code: string };
  procedure: { code: string };
  status: string;
  listedAs: string | null;
  matchedVia: string;
  policy: { key: string } | null;
  curation: { author: string } | null;
};
const PAIRING = 'diagnosis { code } procedure { code } status listedAs matchedVia policy { key } curation { author }';

async function justifiedBy(procedure: string, args = ''): Promise<{ totalCount: number; nodes: Pairing[] }> {
  const result = await h.run<{ code: { justifiedBy: { totalCount: number; nodes: Pairing[] } } }>(
    `{ code(code: "${procedure}") { ... on Procedure { justifiedBy(first: 500${args ? `, ${args}` : ''}) { totalCount nodes { ${PAIRING} } } } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.code.justifiedBy;
}

function errorOf(result: { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }) {
  expect(result.errors).toHaveLength(1);
  return { code: result.errors![0].extensions?.code, message: result.errors![0].message };
}

describe('justifiedBy and justifies', () => {
  it('lists the diagnoses NCD 190.23B covers for 80061 in tabular order, and the curated one, with how each was matched', async () => {
    const page = await justifiedBy('80061', `asOf: "${DATE}"`);
    expect(page.nodes.map((p) => `${p.diagnosis.code} ${p.status} ${p.matchedVia} ${p.listedAs ?? '-'}`)).toEqual([
      'E11.21 COVERED RANGE E1121-E1122',
      'E11.22 COVERED RANGE E1121-E1122',
      'E11.29 COVERED CODE E1129',
      'E11.36 COVERED CODE E1136',
      'E11.641 COVERED CODE E11641',
      'E11.649 COVERED CODE E11649',
      'E11.65 COVERED CODE E1165',
      'E11.69 COVERED CODE E1169',
      'E11.8 COVERED RANGE E118-E119',
      'E11.9 COVERED RANGE E118-E119',
      'E66.01 COVERED CODE E6601',
      'E66.09 COVERED CODE E6609',
      'E78.00 COVERED RANGE E7800-E7801',
      'E78.01 COVERED RANGE E7800-E7801',
      'E78.010 COVERED RANGE E7800-E7801',
      'E78.011 COVERED RANGE E7800-E7801',
      'E78.019 COVERED RANGE E7800-E7801',
      'E78.5 COVERED RANGE E785-E786',
      'E78.5 CURATED CURATED -',
      'E78.6 COVERED RANGE E785-E786',
      'I10 COVERED CODE I10',
      'I25.10 COVERED CODE I2510',
      'Z79.84 COVERED CODE Z7984',
    ]);
    expect(page.totalCount).toBe(23);
    expect(page.nodes.find((p) => p.status === 'CURATED')).toMatchObject({ policy: null, curation: { author: 'codeset-graph maintainers' } });
  });

  it('reads the list as of a date: in 2016 the header E78.0 was listed, and reached its codes via CATEGORY', async () => {
    const page = await justifiedBy('80061', 'asOf: "2016-01-01"');
    const e78 = page.nodes.filter((p) => p.diagnosis.code.startsWith('E78.0'));
    expect(e78.map((p) => `${p.diagnosis.code} ${p.matchedVia} ${p.listedAs}`)).toEqual([
      'E78.0 CODE E780',
      'E78.00 CATEGORY E780',
      'E78.01 CATEGORY E780',
      'E78.010 CATEGORY E780',
      'E78.011 CATEGORY E780',
      'E78.019 CATEGORY E780',
    ]);
    expect(page.nodes.some((p) => p.diagnosis.code === 'Z79.84')).toBe(false); // listed from 2016-10-01
    expect(page.nodes.some((p) => p.status === 'CURATED')).toBe(true); // curated pairings have no dates: active or retired
  });

  it('shows denied and not-medically-necessary listings only when asked, the latter from the default rule', async () => {
    const denied = await justifiedBy('80061', `asOf: "${DATE}", status: [DENIED]`);
    expect(denied.nodes.map((p) => `${p.diagnosis.code} ${p.listedAs}`)).toEqual(['Z00.00 Z0000-Z0001', 'Z00.01 Z0000-Z0001']);
    const nmn = await justifiedBy('80061', `asOf: "${DATE}", status: [NOT_MEDICALLY_NECESSARY], billableOnly: true`);
    expect(nmn.nodes.every((p) => p.matchedVia === 'DEFAULT_RULE' && p.listedAs === '@@@@@@@')).toBe(true);
    expect(nmn.nodes.map((p) => p.diagnosis.code)).toContain('J02.9');
    expect(nmn.nodes.map((p) => p.diagnosis.code)).not.toContain('E11.9');
  });

  it('narrows by chapter, policy and billable codes', async () => {
    const chapter9 = await justifiedBy('80061', `asOf: "${DATE}", chapter: "9"`);
    expect(chapter9.nodes.map((p) => p.diagnosis.code)).toEqual(['I10', 'I25.10']);
    const byId = await justifiedBy('80061', `asOf: "${DATE}", chapter: "ICD10CM:9"`);
    expect(byId.totalCount).toBe(2);
    const policyOnly = await justifiedBy('80061', `asOf: "${DATE}", policy: "190.23b"`);
    expect(policyOnly.nodes.some((p) => p.status === 'CURATED')).toBe(false);
    expect(policyOnly.totalCount).toBe(22);
  });

  it('covers every code 190.15 does not list for a blood count, by its default rule', async () => {
    const page = await justifiedBy('85025', `asOf: "${DATE}", billableOnly: true`);
    const codes = page.nodes.map((p) => p.diagnosis.code);
    expect(codes).toContain('E11.9');
    for (const listed of ['Z00.00', 'Z00.01', 'E11.36', 'S52.521D', 'S52.521S', 'S93.401A']) expect(codes).not.toContain(listed);
    expect(page.nodes.every((p) => p.matchedVia === 'DEFAULT_RULE' && p.policy?.key === '190.15')).toBe(true);
  });

  it('lists what E11.9 justifies: both NCD listings, the default of 190.15 and the curated pairing', async () => {
    const result = await h.run<{ code: { justifies: { nodes: Pairing[] } } }>(
      `{ code(code: "E11.9") { ... on Diagnosis { justifies(asOf: "${DATE}") { nodes { ${PAIRING} } } } } }`,
    );
    expect(result.data!.code.justifies.nodes.map((p) => `${p.procedure.code} ${p.status} ${p.matchedVia} ${p.policy?.key ?? '-'}`)).toEqual([
      '80061 COVERED RANGE 190.23B',
      '83036 COVERED RANGE 190.21',
      '83036 CURATED CURATED -',
      '85025 COVERED DEFAULT_RULE 190.15',
    ]);
  });

  it('refuses an unknown policy, an unknown chapter, an impossible date and an empty status list, naming the value', async () => {
    const bad = async (args: string) => errorOf(await h.run(`{ code(code: "80061") { ... on Procedure { justifiedBy(${args}) { totalCount } } } }`));
    expect(await bad('policy: "999.99"')).toEqual({
      code: 'BAD_USER_INPUT',
      message:
        'Policy "999.99" is not loaded: expected a loaded policy: an NCD number such as "190.23B" (see the policies query), an LCD article id such as "A59003", or a Policy id',
    });
    expect(await bad('chapter: "99"')).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('Chapter "99" names no category') });
    expect(await bad('asOf: "2026-02-30"')).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('"2026-02-30"') });
    expect(await bad('status: []')).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('status') });
  });
});

describe('checkPairing', () => {
  const check = (dx: string, px: string) =>
    h.run<{ checkPairing: { verdict: string; reasons: string[]; pairings: Pairing[] } }>(
      `{ checkPairing(diagnosis: "${dx}", procedure: "${px}", dateOfService: "${DATE}") { verdict reasons pairings { ${PAIRING} } } }`,
    );

  it('supports E11.9 for 83036 by NCD 190.21 (and the curated pairing)', async () => {
    const result = (await check('e119', '83036')).data!.checkPairing;
    expect(result.verdict).toBe('SUPPORTED');
    expect(result.pairings.map((p) => `${p.status} ${p.listedAs ?? '-'}`)).toEqual(['COVERED E118-E119', 'CURATED -']);
    expect(result.reasons[0]).toBe('Supported: NCD 190.21 covers 83036 for E11.9.');
  });

  it('does not support J02.9 for a lipid panel, and says which policy says so', async () => {
    const result = (await check('J02.9', '80061')).data!.checkPairing;
    expect(result.verdict).toBe('NOT_SUPPORTED');
    expect(result.pairings).toEqual([expect.objectContaining({ status: 'NOT_MEDICALLY_NECESSARY', matchedVia: 'DEFAULT_RULE', policy: { key: '190.23B' } })]);
  });

  it('lets a curated pairing add support, and answers NO_POLICY for any other diagnosis of a procedure no policy governs (open world, issue 15)', async () => {
    expect((await check('J02.9', '99213')).data!.checkPairing.verdict).toBe('SUPPORTED');
    expect((await check('I10', '99213')).data!.checkPairing.verdict).toBe('NO_POLICY');
    expect((await check('I10', '93000')).data!.checkPairing.verdict).toBe('NO_POLICY');
  });

  it('issue 15: E78.5 with 99213 answers NO_POLICY, naming the curated pairing J02.9 as information', async () => {
    const result = (await check('E78.5', '99213')).data!.checkPairing;
    expect(result.verdict).toBe('NO_POLICY');
    expect(result.pairings).toEqual([]);
    expect(result.reasons[0]).toContain('whether E78.5 justifies it is unknown (not denied)');
    expect(result.reasons[0]).toContain('J02.9 (curated by codeset-graph maintainers');
  });

  it('refuses a malformed code and a code no release holds', async () => {
    expect(errorOf(await check('E11.9X9X', '83036'))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('"E11.9X9X"') });
    expect(errorOf(await check('E11.9', 'E11.9'))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('not a procedure code') });
    expect(errorOf(await check('A00.0', '83036'))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Diagnosis "A00.0" is not in the loaded ICD-10-CM release, and no policy names it',
    });
  });
});

describe('validateClaim', () => {
  const validate = (claim: unknown) =>
    h.run<{
      validateClaim: {
        outcome: string;
        summary: string;
        findings: Array<{ code: string }>;
        lines: Array<{ outcome: string; summary: string; findings: Array<{ code: string; message: string }> }>;
      };
    }>(
      'query($claim: ClaimInput!) { validateClaim(claim: $claim) { outcome summary findings { code } lines { outcome summary findings { code message } } } }',
      { claim },
    );

  it('passes a good line and denies a line whose diagnosis the policy denies (the README example)', async () => {
    const result = await validate({
      dateOfService: DATE,
      diagnoses: ['E11.9', 'Z00.00'],
      lines: [
        { procedure: '83036', diagnosisPointers: [1] },
        { procedure: '80061', diagnosisPointers: [2] },
      ],
    });
    const v = result.data!.validateClaim;
    expect(v.lines.map((l) => l.outcome)).toEqual(['PASS', 'FAIL']);
    expect(v.lines[1].findings.map((f) => f.code)).toEqual(['NOT_COVERED', 'NO_SUPPORTING_DIAGNOSIS']);
    expect(v.lines[1].findings[0].message).toBe('NCD 190.23B (Lipids Testing) denies 80061 for Z00.00 (listed as Z0000-Z0001).');
    expect(v.summary).toBe('1 of 2 line(s) would be denied.');
  });

  it('issue 15: passes an office visit (99213) for hyperlipidemia (E78.5) with a NO_POLICY information finding, though J02.9 -> 99213 is curated', async () => {
    const v = (await validate({ dateOfService: DATE, diagnoses: ['E78.5'], lines: [{ procedure: '99213', diagnosisPointers: [1] }] })).data!.validateClaim;
    expect(v.outcome).toBe('PASS');
    expect(v.lines[0].outcome).toBe('PASS');
    expect(v.lines[0].findings.map((f) => f.code)).toEqual(['NO_POLICY']);
    expect(v.lines[0].findings[0].message).toContain('Curated pairings name it with J02.9');
    expect(v.summary).toBe('All 1 line(s) pass.');
  });

  it('fails a line whose only diagnosis is no code of the loaded release', async () => {
    const v = (await validate({ diagnoses: ['Q99.9'], lines: [{ procedure: '83036', diagnosisPointers: [1] }] })).data!.validateClaim;
    expect(v.findings.map((f) => f.code)).toEqual(['UNKNOWN_CODE']);
    expect(v.lines[0]).toMatchObject({ outcome: 'FAIL', findings: [{ code: 'NO_SUPPORTING_DIAGNOSIS' }] });
  });

  it('refuses pointers outside the diagnoses, and more than 12 diagnoses, naming the value', async () => {
    expect(errorOf(await validate({ diagnoses: ['E11.9'], lines: [{ procedure: '83036', diagnosisPointers: [2] }] }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Line 1 points to diagnosis 2, but the claim has 1: expected a 1-based position in diagnoses, 1 to 1',
    });
    const pointer = await validate({ diagnoses: ['E11.9'], lines: [{ procedure: '83036', diagnosisPointers: [1, 2] }] });
    expect(pointer.errors?.[0]?.extensions).toMatchObject({
      argument: 'lines[0].diagnosisPointers[1]',
      value: 2,
      expected: 'a 1-based position in diagnoses, 1 to 1',
    });
    expect(errorOf(await validate({ diagnoses: Array(13).fill('E11.9'), lines: [] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('diagnoses'),
    });
    const zero = await validate({ diagnoses: ['E11.9'], lines: [{ procedure: '83036', diagnosisPointers: [0] }] });
    expect(errorOf(zero)).toMatchObject({ code: 'BAD_USER_INPUT' });
    // The rule broken inside the input, by its path, with a reason (issue 18: it was "lines , got ...").
    expect(zero.errors?.[0]?.extensions).toMatchObject({ argument: 'lines[0].diagnosisPointers', value: [0], expected: 'each value must not be less than 1' });
    expect(zero.errors?.[0]?.message).toBe('Invalid argument: lines[0].diagnosisPointers each value must not be less than 1, got [0]');
  });
});

describe('curated pairings', () => {
  const ADD =
    'mutation($input: AddPairingInput!) { addPairing(input: $input) { id key status diagnosis { code } procedure { code } curation { id author source rationale history { id action actor source detail } } } }';
  const pairingCount = async () => Number((await h.driver.executeQuery('MATCH (p:Pairing) RETURN count(p) AS n')).records[0].get('n'));

  it('refuses writes without a valid credential and writes nothing', async () => {
    const before = await pairingCount();
    const input = { diagnosis: 'I10', procedure: '93000', source: 'test' };
    expect(errorOf(await h.run(ADD, { input }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Curation mutations need a write credential: send the API key in an X-Api-Key header (or Authorization: Bearer <key>)',
    });
    expect(errorOf(await h.run(ADD, { input }, { credential: 'invalid' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await h.run(ADD, { input: { ...input, diagnosis: '93000' } }, WRITER))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('"93000"'),
    });
    expect(errorOf(await h.run(ADD, { input: { ...input, source: '' } }, WRITER))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await pairingCount()).toBe(before);
  });

  it('adds a pairing with its audit trail, refuses a duplicate, and retires it', async () => {
    const added = await h.run<{
      addPairing: { id: string; key: string; status: string; curation: { author: string; history: Array<{ id: string; action: string; actor: string }> } };
    }>(ADD, { input: { diagnosis: 'i10', procedure: '93000', source: 'ACC/AHA hypertension guideline', rationale: 'Baseline ECG in hypertension' } }, WRITER);
    expect(added.errors).toBeUndefined();
    // id is the global id (issue 18), key the readable "curated:…" one: retirePairing takes both.
    const { id, key } = added.data!.addPairing;
    expect(id).toBe(Buffer.from(`Pairing:${key}`).toString('base64'));
    expect(key).toMatch(/^curated:/);
    const [event] = added.data!.addPairing.curation.history;
    const found = await h.run<{ node: { __typename: string; action: string; actor: string } | null }>(
      'query ($id: ID!) { node(id: $id) { __typename ... on AuditEvent { action actor } } }',
      { id: event!.id },
    );
    expect(found.data!.node).toEqual({ __typename: 'AuditEvent', action: 'ADD', actor: 'test-curator' });
    expect(added.data!.addPairing).toMatchObject({
      status: 'CURATED',
      diagnosis: { code: 'I10' },
      procedure: { code: '93000' },
      curation: { author: 'test-curator', history: [{ action: 'ADD', actor: 'test-curator' }] },
    });
    const check = '{ checkPairing(diagnosis: "I10", procedure: "93000") { verdict } }';
    expect((await h.run<{ checkPairing: { verdict: string } }>(check)).data!.checkPairing.verdict).toBe('SUPPORTED');

    const again = await h.run(ADD, { input: { diagnosis: 'I10', procedure: '93000', source: 'again' } }, WRITER);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(key) });
    expect(again.errors![0].extensions).toMatchObject({ existingId: key });

    const RETIRE =
      'mutation($id: String!) { retirePairing(id: $id, reason: "superseded") { curation { retiredBy retiredReason retiredAt history { action actor detail } } } }';
    const retired = await h.run<{ retirePairing: { curation: { retiredBy: string; history: Array<{ action: string }> } } }>(RETIRE, { id }, WRITER);
    expect(retired.data!.retirePairing.curation).toMatchObject({
      retiredBy: 'test-curator',
      retiredReason: 'superseded',
      history: [{ action: 'ADD' }, { action: 'RETIRE', actor: 'test-curator', detail: 'superseded' }],
    });
    expect((await h.run<{ checkPairing: { verdict: string } }>(check)).data!.checkPairing.verdict).toBe('NO_POLICY');
    expect(errorOf(await h.run(RETIRE, { id: key }, WRITER))).toMatchObject({ code: 'CONFLICT' });
    const codeId = Buffer.from('Code:ICD10CM:I10').toString('base64');
    expect(errorOf(await h.run(RETIRE, { id: codeId }, WRITER))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: `Invalid argument id: "${codeId}" is the id of a Code; expected a Pairing key or a Pairing global id`,
    });
    expect(errorOf(await h.run(RETIRE, { id: 'curated:no-such-id' }, WRITER))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No curated pairing has id "curated:no-such-id"',
    });
  });

  it('takes the API key from the X-Api-Key header over HTTP and records its name', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: ADD, variables: { input: { diagnosis: 'E78.5', procedure: '93000', source: 'http test' } } }),
      }).then(
        (r) => r.json() as Promise<{ data?: { addPairing: { id: string; curation: { author: string } } }; errors?: Array<{ extensions: { code: string } }> }>,
      );
    expect((await post({ 'x-api-key': 'wrong-key-0123456789' })).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const ok = await post({ authorization: 'Bearer sample-test-key-0123456789' });
    expect(ok.data!.addPairing.curation.author).toBe('http-curator');
    const retire = await h.run('mutation($id: String!) { retirePairing(id: $id, reason: "test cleanup") { id } }', { id: ok.data!.addPairing.id }, WRITER);
    expect(retire.errors).toBeUndefined();
  });
});

describe('the CSV export', () => {
  it('streams what justifies returns, with a header row, and names the field that links to it', async () => {
    const link = await h.run<{ code: { justifiesCsv: string } }>(`{ code(code: "E11.9") { ... on Diagnosis { justifiesCsv(asOf: "${DATE}") } } }`);
    const path = link.data!.code.justifiesCsv;
    expect(path).toBe(`/export/justifies.csv?system=ICD10CM&code=E11.9&status=COVERED%2CCURATED&asOf=${DATE}`);
    const response = await fetch(`${service.url.replace('/graphql', '')}${path}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => `${r.procedure} ${r.status} ${r.matched_via} ${r.policy}`)).toEqual([
      '80061 COVERED RANGE 190.23B',
      '83036 COVERED RANGE 190.21',
      '83036 CURATED CURATED ',
      '85025 COVERED DEFAULT_RULE 190.15',
    ]);
  });

  it('answers bad parameters with 400 and the GraphQL error shape', async () => {
    const base = service.url.replace('/graphql', '');
    const response = await fetch(`${base}/export/justified-by.csv?code=80061&status=MAYBE`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'status "MAYBE" is not a pairing status: expected COVERED, DENIED, NOT_MEDICALLY_NECESSARY, CURATED',
          extensions: { code: 'BAD_USER_INPUT', argument: 'status', value: 'MAYBE' },
        },
      ],
    });
    const wrongRole = await fetch(`${base}/export/justifies.csv?system=CPT&code=85025`);
    expect(wrongRole.status).toBe(400);
    expect(await wrongRole.json()).toMatchObject({ errors: [{ message: 'Code "85025" is a procedure (CPT); justifies.csv takes a diagnosis code' }] });
  });
});
