import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readNcdDiagnoses, type NcdDiagnosisRow } from '../../src/import/ncd/ncd-lab.parser';
import { TabularOrder, type ListingTarget, type OrderedCode } from '../../src/import/ncd/tabular-order';
import { collect } from '../support/temp-file';
import { describeOfficialData, OFFICIAL_DATA_PRESENT, officialFile } from '../support/official-data';

const REAL_ORDER = officialFile('icd10cm/icd10cm_order_2026.txt.gz');
const REAL_DIAGNOSES = officialFile('ncd-lab/ncd_lab_icd10cm_2022q2.csv.gz');

/** A small tabular order that, like the real one, is not code order: C4A comes between C43 and C44. */
const CODES = ['C43', 'C439', 'C4A', 'C4A0', 'C4A9', 'C44', 'C440', 'C4400', 'C4401', 'C449', 'E87', 'E872', 'E8720', 'E8729', 'E873'];

/** The codes with sequence numbers 10, 20, 30 ..., handed over in reverse. */
function orderOf(codes: string[]): TabularOrder {
  return new TabularOrder(codes.map((code, index): OrderedCode => ({ code, sequence: (index + 1) * 10 })).reverse());
}

const range = (code: string): ListingTarget => ({ code, via: 'RANGE', retired: false });
const retired = (code: string, via: ListingTarget['via'] = 'RANGE'): ListingTarget => ({ code, via, retired: true });

describe('TabularOrder', () => {
  const order = orderOf(CODES);

  it('knows the codes of the release', () => {
    expect(order.has('C4A0')).toBe(true);
    expect(order.has('C4A5')).toBe(false);
    expect(order.has('C4A.0')).toBe(false);
  });

  it('expands a code that is no header to itself, via CODE', () => {
    expect(order.expandCode('E873')).toEqual([{ code: 'E873', via: 'CODE', retired: false }]);
  });

  it('expands a header to itself via CODE and every code under it via CATEGORY, in tabular order', () => {
    expect(order.expandCode('E872')).toEqual([
      { code: 'E872', via: 'CODE', retired: false },
      { code: 'E8720', via: 'CATEGORY', retired: false },
      { code: 'E8729', via: 'CATEGORY', retired: false },
    ]);
    expect(order.expandCode('C44').map((target) => target.code)).toEqual(['C44', 'C440', 'C4400', 'C4401', 'C449']);
  });

  it('returns a code the release lacks as retired', () => {
    expect(order.expandCode('C4A5')).toEqual([retired('C4A5', 'CODE')]);
  });

  it('expands a range in tabular order, not code order, including the codes under its end', () => {
    expect(order.expandRange('C439', 'C440')).toEqual({
      targets: ['C439', 'C4A', 'C4A0', 'C4A9', 'C44', 'C440', 'C4400', 'C4401'].map(range),
      approximate: false,
    });
    expect(order.expandRange('E8720', 'E8729')).toEqual({ targets: [range('E8720'), range('E8729')], approximate: false });
  });

  it('places an absent start at the first code at or after it by code order and returns it as retired', () => {
    expect(order.expandRange('C438', 'C4A0')).toEqual({
      targets: [retired('C438'), ...['C439', 'C4A', 'C4A0'].map(range)],
      approximate: true,
    });
  });

  it('places an absent end at the last code at or before it by code order and returns it as retired', () => {
    expect(order.expandRange('C4A', 'C4A5')).toEqual({
      targets: [...['C4A', 'C4A0'].map(range), retired('C4A5')],
      approximate: true,
    });
  });

  it('places an absent end that heads codes of the release after the last of them', () => {
    const withoutHeader = orderOf(CODES.filter((code) => code !== 'C4A'));
    expect(withoutHeader.expandRange('C439', 'C4A')).toEqual({
      targets: [...['C439', 'C4A0', 'C4A9'].map(range), retired('C4A')],
      approximate: true,
    });
  });

  it('returns only the retired ends when both are absent and nothing of the release falls between them', () => {
    // Like I6020-I6022 against FY2026, where I602 became a billable code without children.
    expect(order.expandRange('E8721', 'E8722')).toEqual({ targets: [retired('E8721'), retired('E8722')], approximate: true });
    expect(order.expandRange('E8725', 'E8725')).toEqual({ targets: [retired('E8725')], approximate: true });
  });

  it('reaches no code when the start comes after the end in tabular order', () => {
    expect(order.expandRange('C440', 'C4A0')).toEqual({ targets: [], approximate: false });
  });

  it('refuses a code listed twice', () => {
    expect(
      () =>
        new TabularOrder([
          { code: 'E87', sequence: 1 },
          { code: 'E87', sequence: 2 },
        ]),
    ).toThrow('TabularOrder: code E87 is listed twice');
  });
});

describeOfficialData('the lab NCD list against the FY2026 order file', () => {
  // Fixed width: cols 1-5 order number, 7-13 code (1-based). Read as the suite is collected, so only when present.
  const lines = !OFFICIAL_DATA_PRESENT
    ? []
    : gunzipSync(fs.readFileSync(REAL_ORDER))
        .toString('utf8')
        .split('\n')
        .filter((text) => text.trim() !== '');
  const codes = lines.map((text) => ({ code: text.slice(6, 13).trim(), sequence: Number(text.slice(0, 5)) }));
  const inOrder = [...codes].sort((a, b) => a.sequence - b.sequence).map((c) => c.code);
  const position = new Map(inOrder.map((code, index) => [code, index]));
  const order = new TabularOrder(codes);

  it('expands A400-A401 to A400 and A401', () => {
    expect(order.expandRange('A400', 'A401')).toEqual({ targets: [range('A400'), range('A401')], approximate: false });
  });

  it('runs C439-C4400 through the Merkel cell codes C4A*, which code order would put after C449', () => {
    const { targets, approximate } = order.expandRange('C439', 'C4400');
    const expected = inOrder.slice(position.get('C439'), position.get('C4400')! + 1);
    expect(approximate).toBe(false);
    expect(targets.map((target) => target.code)).toEqual(expected);
    expect(targets.filter((target) => target.code.startsWith('C4A'))).toHaveLength(inOrder.filter((code) => code.startsWith('C4A')).length);
    expect(targets.map((target) => target.code).slice(0, 3)).toEqual(['C439', 'C4A', 'C4A0']);
  });

  it('expands E872, billable in 2022 and a header in FY2026, to itself and its children', () => {
    const children = inOrder.filter((code) => code.startsWith('E872') && code !== 'E872');
    expect(children.length).toBeGreaterThan(0);
    expect(order.expandCode('E872')).toEqual([
      { code: 'E872', via: 'CODE', retired: false },
      ...children.map((code) => ({ code, via: 'CATEGORY', retired: false })),
    ]);
  });

  it('returns S0210XD, absent from FY2026, as retired', () => {
    expect(position.has('S0210XD')).toBe(false);
    expect(order.expandCode('S0210XD')).toEqual([retired('S0210XD', 'CODE')]);
  });

  it('expands every entry as a straightforward walk over the order file does', async () => {
    const rows = await collect<NcdDiagnosisRow>(readNcdDiagnoses, REAL_DIAGNOSES);
    // Per code of the release: how many codes of the release start with it (itself included).
    const startingWith = new Map<string, number>();
    for (const code of inOrder) {
      for (let length = 3; length <= code.length; length++) {
        const prefix = code.slice(0, length);
        if (position.has(prefix)) startingWith.set(prefix, (startingWith.get(prefix) ?? 0) + 1);
      }
    }
    for (const row of rows.filter((entry) => entry.kind === 'CODE')) {
      const targets = order.expandCode(row.start);
      expect(targets).toHaveLength(startingWith.get(row.start) ?? 1);
      expect(targets[0]).toEqual({ code: row.start, via: 'CODE', retired: !position.has(row.start) });
      expect(targets.slice(1).every((target) => target.via === 'CATEGORY' && target.code.startsWith(row.start))).toBe(true);
    }
    for (const row of rows.filter((entry) => entry.kind === 'RANGE')) {
      const { targets, approximate } = order.expandRange(row.start, row.end);
      expect(approximate).toBe(!position.has(row.start) || !position.has(row.end));
      if (approximate) continue;
      let last = position.get(row.end)!;
      while (last + 1 < inOrder.length && inOrder[last + 1].startsWith(row.end)) last++;
      expect(targets.map((target) => target.code)).toEqual(inOrder.slice(position.get(row.start), last + 1));
    }
  });
});
