import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, today } from '../../src/common/date.scalar';

/** The GraphQLError `run` throws. */
function thrown(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError, nothing was thrown');
}

const EXPECTED = 'expected a calendar date written YYYY-MM-DD (e.g. 2026-03-15)';

describe('DateScalar', () => {
  it('takes a calendar date written YYYY-MM-DD as it is, 29 February of a leap year included', () => {
    expect(DateScalar.parseValue('2026-03-15')).toBe('2026-03-15');
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
  });

  it.each([
    ['a day the month does not have', '2026-02-30'],
    ['29 February of a common year', '2026-02-29'],
    ['a month without its leading zero', '2026-3-15'],
    ['an empty string', ''],
    ['a date with a time', '2026-03-15T00:00:00Z'],
    ['a date with a space before it', ' 2026-03-15'],
  ])('rejects %s as BAD_USER_INPUT, quoting the value and saying what is expected', (_, value) => {
    const error = thrown(() => DateScalar.parseValue(value));
    expect(error.message).toBe(`Date ${JSON.stringify(value)} is not valid: ${EXPECTED}`);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', value });
  });

  it('quotes only the first 40 characters of a long value, marked as cut', () => {
    const error = thrown(() => DateScalar.parseValue('x'.repeat(100)));
    expect(error.message).toBe(`Date "${'x'.repeat(40)}…" is not valid: ${EXPECTED}`);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', value: 'x'.repeat(40) });
  });

  it('rejects a variable that is not a string, showing it unquoted', () => {
    const error = thrown(() => DateScalar.parseValue(20260315));
    expect(error.message).toBe(`Date 20260315 is not valid: ${EXPECTED}`);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', value: null });
  });

  it('reads a string literal in a query the same way as a variable', () => {
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-03-15' })).toBe('2026-03-15');
    expect(thrown(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-13-01' })).message).toBe(`Date "2026-13-01" is not valid: ${EXPECTED}`);
  });

  it('rejects a literal that is not a string, naming its kind', () => {
    const literal: ValueNode = { kind: Kind.INT, value: '20260315' };
    const error = thrown(() => DateScalar.parseLiteral(literal));
    expect(error.message).toBe('Date must be a string written YYYY-MM-DD, got a literal of kind IntValue');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('today', () => {
  it('is the current UTC date written YYYY-MM-DD', () => {
    const before = new Date().toISOString().slice(0, 10);
    const value = today();
    const after = new Date().toISOString().slice(0, 10);
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([before, after]).toContain(value);
    expect(DateScalar.parseValue(value)).toBe(value);
  });
});
