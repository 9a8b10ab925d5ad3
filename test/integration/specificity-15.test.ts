import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

/**
 * Issue 15, specificity suggestions for NCDs: where a policy does not cover a diagnosis, the codes
 * under the same category that it does cover. The expected codes come from a plain reading of the
 * sample NCD file written here (covered rows, resolution code 1, of NCD 190.21 under E11; a range's
 * two ends, which are adjacent in the sample's tabular list), not from the importer.
 */
const NCD_FILE = path.join(__dirname, '../../data/sample/ncd-lab/ncd_lab_icd10cm_2022q2.csv');
const DATE = '2026-03-15';
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

/** NCD 190.21's covered codes under E11, in the sample file. */
function coveredUnderE11(): string[] {
  const codes = readFileSync(NCD_FILE, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter((f) => f[0] === '190.21' && f.at(-1) === '1' && f[2].startsWith('E11'))
    .flatMap((f) => (f[3] === f[4] ? [f[3]] : [f[3], f[4]]));
  return [...new Set(codes)].map(dotted);
}

describe('specificity suggestions from NCDs (issue 15)', () => {
  it('names, for a diagnosis an NCD does not cover, the codes under its category that it covers, most general first and at most 10', async () => {
    const answer = await h.run<{ checkPairing: { verdict: string; reasons: string[] } }>(
      `{ checkPairing(diagnosis: "E11.40", procedure: "83036", dateOfService: "${DATE}") { verdict reasons } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.checkPairing.verdict).toBe('NOT_SUPPORTED');
    const sentence = answer.data!.checkPairing.reasons.find((r) => r.startsWith('NCD 190.21 does not cover E11.40; under E11 it covers '))!;
    expect(sentence).toBeDefined();
    const named = sentence.replace('NCD 190.21 does not cover E11.40; under E11 it covers ', '').replace(/\.$/, '').split(', ');
    const expected = coveredUnderE11();
    expect(named.length).toBe(Math.min(10, expected.length));
    expect(expected).toEqual(expect.arrayContaining(named));
    expect(named.map((c) => c.length)).toEqual([...named.map((c) => c.length)].sort((a, b) => a - b));
  });

  it('gives the suggestion as evidence on the failing claim line, and none where the NCD covers the diagnosis', async () => {
    const QUERY = `query ($claim: ClaimInput!) { validateClaim(claim: $claim) { lines { outcome findings { code evidence { kind policyId code listedAs detail } } } } }`;
    type Answer = {
      validateClaim: {
        lines: Array<{
          outcome: string;
          findings: Array<{ code: string; evidence: Array<{ kind: string; policyId: string | null; code: string | null; listedAs: string | null }> }>;
        }>;
      };
    };
    const claim = (dx: string) => ({ claim: { dateOfService: DATE, diagnoses: [dx], lines: [{ procedure: '83036', diagnosisPointers: [1] }] } });
    const failing = await h.run<Answer>(QUERY, claim('E11.40'));
    expect(failing.errors).toBeUndefined();
    const line = failing.data!.validateClaim.lines[0];
    expect(line.outcome).toBe('FAIL');
    const suggestion = line.findings.flatMap((f) => f.evidence).find((e) => e.kind === 'SPECIFIC_CODES')!;
    expect(suggestion).toMatchObject({ policyId: '190.21', code: 'E11.40' });
    expect(coveredUnderE11()).toEqual(expect.arrayContaining(suggestion.listedAs!.split(' ')));
    const covered = await h.run<Answer>(QUERY, claim('E11.65'));
    expect(covered.data!.validateClaim.lines[0].findings.flatMap((f) => f.evidence).filter((e) => e.kind === 'SPECIFIC_CODES')).toEqual([]);
  });
});
