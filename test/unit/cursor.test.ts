import { describe, expect, it } from 'vitest';
import { encodeCursor, listOf, MAX_CURSOR_POSITION, offsetAfter } from '../../src/common/cursor';

const list = listOf('justified-by', 'CPT', '80061', { statuses: ['COVERED'], asOf: '2026-03-15' });

describe('offsetAfter', () => {
  it('starts the next page after the position the cursor names', () => {
    expect(offsetAfter(undefined, list)).toBe(0);
    expect(offsetAfter(encodeCursor(41, list), list)).toBe(42);
    expect(offsetAfter(encodeCursor(MAX_CURSOR_POSITION, list), list)).toBe(MAX_CURSOR_POSITION + 1);
  });

  it('refuses as BAD_USER_INPUT a cursor past any possible result, which Cypher could not index (found by the fuzz run)', () => {
    for (const position of [MAX_CURSOR_POSITION + 1, 2_147_483_648, Number.MAX_SAFE_INTEGER]) {
      expect(() => offsetAfter(encodeCursor(position, list), list)).toThrow(/is not valid; expected a cursor this field returned/);
    }
  });

  it('refuses a cursor of another list (other arguments, another code or field), naming the argument, the value and what was expected (issue 18)', () => {
    const other = listOf('justified-by', 'CPT', '80061', { statuses: ['COVERED', 'DENIED'], asOf: '2026-03-15' });
    expect(other).not.toBe(list);
    const cursor = encodeCursor(19, other);
    try {
      offsetAfter(cursor, list);
      expect.unreachable('a cursor of another list was accepted');
    } catch (error) {
      const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
      expect(message).toBe(
        `Invalid argument after: cursor "${cursor}" was returned for other arguments (another code, filter or field); expected a cursor this field returned (edges.cursor or pageInfo.endCursor) for the same arguments, or none to start at the top`,
      );
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after', value: cursor, expected: expect.stringContaining('same arguments') });
    }
  });

  it('refuses a cursor of the older offset-only form, and one that is not base64 of a cursor', () => {
    expect(() => offsetAfter(Buffer.from('offset:19').toString('base64'), list)).toThrow(/is not valid/);
    expect(() => offsetAfter('bogus', list)).toThrow(/is not valid/);
  });
});
