import { badUserInput } from '../../errors/errors';
import { echo } from '../../common/code-format';

export type SearchPlan =
  | { mode: 'code'; prefixes: string[] }
  | { mode: 'text'; lucene: string };

const MAX_TEXT = 200;
const MAX_WORDS = 12;
/** A code or the start of one: letters and digits, at least one digit, an optional dot after 3 characters. */
const CODE_PREFIX = /^(?=[^ ]*\d)[A-Z0-9]{1,3}(\.[A-Z0-9]{0,4}|[A-Z0-9]{0,4})$/;

/**
 * Turns what a user types into a search plan. A single token shaped like a code ("E11.", "e119",
 * "0DT", "J11") lists codes starting with it. Anything else is a word-prefix text search: every word
 * must match the start of a word of the title ("diab typ 2" finds "Type 2 diabetes mellitus ..."),
 * and exact words score higher than prefixes.
 */
export function planSearch(raw: string): SearchPlan {
  const text = raw.trim();
  if (text.length === 0) throw badUserInput('Search text is empty: expected at least one letter or digit', { argument: 'text', value: raw });
  if (text.length > MAX_TEXT) throw badUserInput(`Search text ${echo(text)} is ${text.length} characters long; expected at most ${MAX_TEXT}`, { argument: 'text', value: raw });
  const upper = text.toUpperCase();
  if (CODE_PREFIX.test(upper)) {
    const prefixes = [upper];
    // ICD-10-CM is stored with its dot: "E119" also means "E11.9".
    if (!upper.includes('.') && upper.length > 3 && /^[A-Z]/.test(upper)) prefixes.push(`${upper.slice(0, 3)}.${upper.slice(3)}`);
    return { mode: 'code', prefixes };
  }
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) throw badUserInput(`Search text ${echo(text)} has no letters or digits`, { argument: 'text', value: raw });
  if (words.length > MAX_WORDS) throw badUserInput(`Search text ${echo(text)} has ${words.length} words; expected at most ${MAX_WORDS}`, { argument: 'text', value: raw });
  // Words are letters and digits only, so nothing in them is Lucene syntax.
  return { mode: 'text', lucene: words.map((w) => `(${w}^2 OR ${w}*)`).join(' AND ') };
}
