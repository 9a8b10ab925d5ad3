import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

/**
 * Issue 18, item 2: one rule for a date left out. The expected date is worked out here from the
 * sample's release files (data/sample/codes-*.json, their `release` windows) and today's date:
 * the latest start to the earliest end, today clamped into it.
 */
const SAMPLE = path.join(__dirname, '../../data/sample');
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

function expectedDefault(): { date: string; from: string; to: string } {
  const releases = readdirSync(SAMPLE)
    .filter((f) => /^codes-.*\.json$/.test(f))
    .map((f) => (JSON.parse(readFileSync(path.join(SAMPLE, f), 'utf8')) as { release: { effectiveFrom: string; effectiveTo: string | null } }).release);
  const from = releases
    .map((r) => r.effectiveFrom)
    .sort()
    .at(-1)!;
  const to = releases
    .map((r) => r.effectiveTo)
    .filter((d): d is string => d !== null)
    .sort()[0];
  const today = new Date().toISOString().slice(0, 10);
  return { date: today < from ? from : today > to ? to : today, from, to };
}

const CLAIM = `query ($claim: ClaimInput!) { validateClaim(claim: $claim) {
  dateOfService dateOfServiceGiven outcome summary findings { code severity message } lines { outcome findings { code } } } }`;
type Validation = {
  dateOfService: string;
  dateOfServiceGiven: boolean;
  outcome: string;
  summary: string;
  findings: Array<{ code: string; severity: string; message: string }>;
  lines: Array<{ outcome: string; findings: Array<{ code: string }> }>;
};
const validate = async (claim: Record<string, unknown>) => {
  const answer = await h.run<{ validateClaim: Validation }>(CLAIM, { claim });
  expect(answer.errors).toBeUndefined();
  return answer.data!.validateClaim;
};

describe('dates left out (issue 18)', () => {
  it('defaultDate gives today clamped into the window where every sample release is in force, and why', async () => {
    const expected = expectedDefault();
    const answer = await h.run<{ defaultDate: { date: string; windowFrom: string; windowTo: string; rule: string } }>(
      '{ defaultDate { date windowFrom windowTo rule } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.defaultDate).toMatchObject({ date: expected.date, windowFrom: expected.from, windowTo: expected.to });
    expect(answer.data!.defaultDate.rule).toContain(`${expected.from} to ${expected.to}`);
  });

  it('passes a claim without a date on the sample, checked on the default date, and says which date it used', async () => {
    const v = await validate({ diagnoses: ['E78.5'], lines: [{ procedure: '99213', diagnosisPointers: [1] }] });
    expect(v).toMatchObject({ dateOfService: expectedDefault().date, dateOfServiceGiven: false, outcome: 'PASS', summary: 'All 1 line(s) pass.' });
    expect(v.findings).toEqual([]);
  });

  it('answers checkPairing, justifiedBy and coverageArticles on the default date when none is given', async () => {
    const { date } = expectedDefault();
    const answer = await h.run<{ checkPairing: { date: string }; code: { justifiedBy: { asOf: string }; coverageArticles: Array<{ id: string }> } }>(
      '{ checkPairing(diagnosis: "I48.91", procedure: "93000", state: "NY") { date } code(code: "93000") { ... on Procedure { justifiedBy { asOf } coverageArticles(state: "NY") { id } } } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.checkPairing.date).toBe(date);
    expect(answer.data!.code.justifiedBy.asOf).toBe(date);
    // The sample article A59003 is in force from 2026-01-01 with no end: on the default date it governs 93000 in NY.
    expect(answer.data!.code.coverageArticles.map((a) => a.id)).toEqual(['A59003']);
  });

  it('gives one NO_RELEASE_FOR_DATE warning per code set for a date no loaded release covers, not a NOT_VALID_ON_DATE per code', async () => {
    const v = await validate({ dateOfService: '2027-06-01', diagnoses: ['E78.5', 'J02.9'], lines: [{ procedure: '99213', diagnosisPointers: [1, 2] }] });
    expect(v.findings.map((f) => [f.code, f.severity])).toEqual([
      ['NO_RELEASE_FOR_DATE', 'WARNING'],
      ['NO_RELEASE_FOR_DATE', 'WARNING'],
    ]);
    expect(v.findings.map((f) => f.message).sort()).toEqual([
      "No loaded CPT release is in force on 2027-06-01 (loaded: 2026 (2026-01-01 to 2026-12-31)): the claim's CPT codes are not checked against the date.",
      "No loaded ICD10CM release is in force on 2027-06-01 (loaded: 2026 (2025-10-01 to 2026-09-30)): the claim's ICD10CM codes are not checked against the date.",
    ]);
    expect(v.lines[0].findings.map((f) => f.code)).not.toContain('NOT_VALID_ON_DATE');
    expect(v).toMatchObject({ dateOfService: '2027-06-01', dateOfServiceGiven: true, outcome: 'REVIEW' });
    expect(v.summary).toBe('Needs review: 0 of 1 line(s) would be denied; 2 other claim-level finding(s): NO_RELEASE_FOR_DATE.');
  });

  it('says the claim would be denied when a claim-level error fails it, whatever its lines say', async () => {
    const v = await validate({ dateOfService: '2026-03-15', diagnoses: ['E11'], lines: [{ procedure: '99213', diagnosisPointers: [1] }] });
    expect(v.outcome).toBe('FAIL');
    expect(v.findings.map((f) => f.code)).toContain('NOT_BILLABLE');
    expect(v.summary).toMatch(/^The claim would be denied: 1 claim-level error\(s\) \(NOT_BILLABLE\); \d of 1 line\(s\) would be denied on their own\.$/);
  });
});
