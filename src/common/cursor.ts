import { badUserInput } from '../errors/errors';
import { echo } from './code-format';

const PREFIX = 'offset:';

/** No result list is this long; a position past it would overflow Cypher's 32-bit list indexes. */
export const MAX_CURSOR_POSITION = 1_000_000_000;

/** Opaque Relay cursor for the item at a position (0-based) of an ordered result. */
export function encodeCursor(position: number): string {
  return Buffer.from(`${PREFIX}${position}`).toString('base64');
}

/** The position after `after` (where the next page starts); 0 without a cursor. Bad cursors are BAD_USER_INPUT. */
export function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const decoded = Buffer.from(after, 'base64').toString('utf8');
  const position = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(position) || position < 0 || position > MAX_CURSOR_POSITION || encodeCursor(position) !== after) {
    throw badUserInput(`Cursor ${echo(after)} is not valid: expected a cursor returned by this field (edges.cursor or pageInfo.endCursor)`, {
      argument: 'after',
      value: after,
    });
  }
  return position + 1;
}
