import { createHash } from 'node:crypto';
import { badUserInput } from '../errors/errors';
import { echo } from './code-format';

const PREFIX = 'offset:';

/** No result list is this long; a position past it would overflow Cypher's 32-bit list indexes. */
export const MAX_CURSOR_POSITION = 1_000_000_000;

/**
 * What a list is of: a short digest of its field, its parent and the arguments that shape it (never
 * first or after). A cursor holds it, so a cursor reused with other arguments is refused rather than
 * paging a different list at the old position (issue 18).
 */
export function listOf(...shape: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 12);
}

/** Opaque Relay cursor for the item at a position (0-based) of one list (listOf). */
export function encodeCursor(position: number, list: string): string {
  return Buffer.from(`${PREFIX}${position}:${list}`).toString('base64');
}

const EXPECTED = 'a cursor this field returned (edges.cursor or pageInfo.endCursor) for the same arguments, or none to start at the top';

/** The position after `after` (where the next page starts) in `list`; 0 without a cursor. A bad cursor, or one of another list, is BAD_USER_INPUT. */
export function offsetAfter(after: string | null | undefined, list: string): number {
  if (after === null || after === undefined) return 0;
  const decoded = /^offset:(\d{1,10}):([\w-]{12})$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  const position = decoded ? Number(decoded[1]) : Number.NaN;
  if (!decoded || position > MAX_CURSOR_POSITION || encodeCursor(position, decoded[2]) !== after) {
    throw badUserInput(`Invalid argument after: cursor ${echo(after)} is not valid; expected ${EXPECTED}`, {
      argument: 'after',
      value: after,
      expected: EXPECTED,
    });
  }
  if (decoded[2] !== list) {
    throw badUserInput(`Invalid argument after: cursor ${echo(after)} was returned for other arguments (another code, filter or field); expected ${EXPECTED}`, {
      argument: 'after',
      value: after,
      expected: EXPECTED,
    });
  }
  return position + 1;
}
