import { canonicalCode, normalizeCode } from '../../common/code-format';
import type { CodeSystemId } from '../../domain/code-system-id';
import { parseGemFlags, type GemDirection, type GemFlags } from '../../domain/crosswalk';
import { FileFormatError } from '../official/file-format-error';
import { readLines } from '../official/read-lines';

/** One entry of a GEM file, its codes in canonical form (250.00, E11.9, 81.54). */
export interface GemEntry extends GemFlags {
  source: string;
  /** Null when the file writes NoDx, NoPCS or NoI9 (a "no map" entry; 29 lines of the FY2018 PCS file do so with the no-map flag 0). */
  target: string | null;
  /** The 5-digit flag field as written ("10112"). */
  flags: string;
  line: number;
}

/** The target column of a "no map" entry, as CMS writes it. */
const NO_MAP = /^No(Dx|PCS|I9)$/;

function codeOf(file: string, line: number, system: CodeSystemId, raw: string, column: string): string {
  if (raw.includes('.') || normalizeCode(system, raw) === null) {
    throw new FileFormatError(file, line, `${column} "${raw}" is not a ${system} code as the GEMs write it: expected one without a dot`);
  }
  return canonicalCode(system, raw.toUpperCase());
}

/**
 * The entries of a GEM file in CMS's published layout: per line a source code, a target code and a
 * 5-digit flag field (approximate, no map, combination, scenario, choice list), separated by spaces,
 * codes written without dots. A "no map" entry has NoDx / NoPCS / NoI9 as its target (and, but for
 * 29 lines of CMS's FY2018 PCS file, the no-map flag set: the flag is kept as written); anything else (a missing field, a code of the wrong system, a flag field that is not
 * five digits) stops the read with the file and line.
 */
export async function* parseGem(file: string, direction: GemDirection): AsyncGenerator<GemEntry> {
  for await (const { line, text } of readLines(file)) {
    if (text.trim() === '') continue;
    const fields = text.trim().split(/\s+/);
    if (fields.length !== 3) throw new FileFormatError(file, line, `${fields.length} field(s); expected 3: source code, target code, 5-digit flags`);
    const [sourceText, targetText, flagText] = fields as [string, string, string];
    const flags = parseGemFlags(flagText);
    if (!flags)
      throw new FileFormatError(file, line, `flags "${flagText}" are not 5 digits (approximate 0/1, no map 0/1, combination 0/1, scenario, choice list)`);
    const noMapTarget = NO_MAP.test(targetText);
    // The reverse (NoI9 with the flag 0) is in CMS's own FY2018 PCS file: kept as written, with no target.
    if (flags.noMap && !noMapTarget) {
      throw new FileFormatError(file, line, `target "${targetText}" with no-map flag 1: a "no map" entry names no code (NoDx, NoPCS or NoI9)`);
    }
    const source = codeOf(file, line, direction.from, sourceText, 'source code');
    const target = noMapTarget ? null : codeOf(file, line, direction.to, targetText, 'target code');
    yield { source, target, flags: flagText, ...flags, line };
  }
}
