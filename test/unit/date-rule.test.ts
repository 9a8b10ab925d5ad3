import { describe, expect, it } from 'vitest';
import { chooseDate, inSomeWindow, latestPerSystem, type ReleaseWindow } from '../../src/domain/date-rule';

const w = (system: string, version: string, effectiveFrom: string | null, effectiveTo: string | null): ReleaseWindow => ({
  system,
  release: `${system}:${version}`,
  version,
  effectiveFrom,
  effectiveTo,
});
const FY2026 = [
  w('ICD10CM', '2026', '2025-10-01', '2026-09-30'),
  w('ICD10PCS', '2026', '2025-10-01', '2026-09-30'),
  w('CPT', '2026', '2026-01-01', '2026-12-31'),
  w('HCPCS', '2025-10', '2025-10-01', null),
];

describe('the default date rule (issue 18)', () => {
  it('uses today when it lies where the latest release of every code set is in force', () => {
    expect(chooseDate(FY2026, '2026-03-15')).toMatchObject({ date: '2026-03-15', windowFrom: '2026-01-01', windowTo: '2026-09-30' });
    expect(chooseDate(FY2026, '2026-03-15').rule).toMatch(/^today: it lies in the loaded releases' window 2026-01-01 to 2026-09-30/);
  });

  it('uses the last day of that window when today is past it, and says so', () => {
    const choice = chooseDate(FY2026, '2026-12-03');
    expect(choice.date).toBe('2026-09-30');
    expect(choice.rule).toBe(
      "the last day of the loaded releases' window 2026-01-01 to 2026-09-30 (CPT 2026, HCPCS 2025-10, ICD10CM 2026, ICD10PCS 2026): today (2026-12-03) is past it",
    );
  });

  it('uses the first day of that window when today is before it', () => {
    expect(chooseDate(FY2026, '2025-11-20').date).toBe('2026-01-01');
  });

  it('reads only the latest release of each code set', () => {
    const both = [...FY2026, w('ICD10CM', '2025', '2024-10-01', '2025-09-30')];
    expect(latestPerSystem(both).find((r) => r.system === 'ICD10CM')?.version).toBe('2026');
    expect(chooseDate(both, '2026-12-03').date).toBe('2026-09-30');
  });

  it("falls back to ICD-10-CM's window when the releases share no day", () => {
    const apart = [w('ICD10CM', '2026', '2025-10-01', '2026-09-30'), w('CPT', '2027', '2027-01-01', '2027-12-31')];
    expect(chooseDate(apart, '2027-03-01')).toMatchObject({ date: '2026-09-30', windowFrom: '2025-10-01', windowTo: '2026-09-30' });
  });

  it('keeps today when every window is open-ended, and when no release has dates', () => {
    expect(chooseDate([w('HCPCS', '2025-10', '2025-10-01', null)], '2030-01-01').date).toBe('2030-01-01');
    expect(chooseDate([], '2030-01-01')).toEqual({ date: '2030-01-01', windowFrom: null, windowTo: null, rule: 'today: no loaded release has dates' });
    expect(chooseDate([w('CPT', '2026', null, null)], '2030-01-01').date).toBe('2030-01-01');
  });

  it('tells whether a date lies in some window, open ends included', () => {
    expect(inSomeWindow(FY2026, '2027-06-01')).toBe(true); // HCPCS is open-ended
    expect(inSomeWindow(FY2026.slice(0, 1), '2027-06-01')).toBe(false);
    expect(inSomeWindow(FY2026.slice(0, 1), '2026-09-30')).toBe(true);
  });
});
