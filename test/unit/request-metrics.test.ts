import { describe, expect, it } from 'vitest';
import { operationLabel } from '../../src/observability/request-metrics.plugin';
import { RoundTripCounter } from '../../src/observability/round-trips';

describe('operationLabel', () => {
  it('uses a well-formed operation name as the label, and "anonymous" without one', () => {
    const seen = new Set<string>();
    expect(operationLabel('Lookup', seen)).toBe('Lookup');
    expect(operationLabel(null, seen)).toBe('anonymous');
    expect(operationLabel(undefined, seen)).toBe('anonymous');
  });

  it('labels a malformed name "other", so clients cannot put arbitrary text into metric labels', () => {
    expect(operationLabel('drop table; --', new Set())).toBe('other');
    expect(operationLabel('x'.repeat(65), new Set())).toBe('other');
  });

  it('keeps at most 100 distinct names and labels the rest "other", bounding label cardinality', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) expect(operationLabel(`Op${i}`, seen)).toBe(`Op${i}`);
    expect(operationLabel('Op100', seen)).toBe('other');
    expect(operationLabel('Op7', seen)).toBe('Op7');
  });
});

describe('RoundTripCounter', () => {
  it('counts statements and database time, and shows them rounded to a tenth of a millisecond', () => {
    const counter = new RoundTripCounter();
    counter.record('code/by-keys', 1.234);
    counter.record('code/parents', 2.01);
    counter.record('code/by-keys', 0.5);
    expect(counter.toJSON()).toEqual({ count: 3, databaseMillis: 3.7, statements: { 'code/by-keys': 2, 'code/parents': 1 } });
  });
});
