import { badUserInput } from '../errors/errors';
import { echo } from './code-format';

/**
 * A state or territory abbreviation as the LCD files spell it ("NY"), from what a caller typed
 * (" ny "); null when none was given. Anything but two letters is BAD_USER_INPUT naming `argument`.
 */
export function stateAbbreviation(state: string | null | undefined, argument: string): string | null {
  if (state === null || state === undefined) return null;
  const abbrev = state.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(abbrev))
    throw badUserInput(`State ${echo(state)} is not valid: expected a two-letter abbreviation such as "NY" or "CA"`, { argument, value: state.slice(0, 16) });
  return abbrev;
}
