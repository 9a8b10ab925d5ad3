import { describe, expect, it } from 'vitest';
import { encodeCursor, MAX_CURSOR_POSITION, offsetAfter } from '../../src/common/cursor';

describe('offsetAfter', () => {
  it('starts the next page after the position the cursor names', () => {
    expect(offsetAfter(undefined)).toBe(0);
    expect(offsetAfter(encodeCursor(41))).toBe(42);
    expect(offsetAfter(encodeCursor(MAX_CURSOR_POSITION))).toBe(MAX_CURSOR_POSITION + 1);
  });

  it('refuses as BAD_USER_INPUT a cursor past any possible result, which Cypher could not index (found by the fuzz run)', () => {
    for (const position of [MAX_CURSOR_POSITION + 1, 2_147_483_648, Number.MAX_SAFE_INTEGER]) {
      expect(() => offsetAfter(encodeCursor(position))).toThrow(/is not valid: expected a cursor returned by this field/);
    }
  });
});
