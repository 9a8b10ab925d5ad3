import { CodeSystemId } from '../domain/code-system-id';
import type { CodeKey } from '../domain/code-key';

/**
 * How each system writes its codes, and the one canonical form the graph stores: upper case,
 * no spaces, and for ICD-10-CM / ICD-10 the dot after the third character (E11.9, S52.521A); for
 * ICD-9-CM after the third (250.00, V45.81) or, for E codes, the fourth (E880.9); for ICD-9-CM
 * Volume 3 procedures after the second (81.54).
 */
interface CodeFormat {
  system: CodeSystemId;
  /** Matches the compact form: upper case, no dot. */
  compact: RegExp;
  /** Said to the user when the input does not fit. */
  expected: string;
  /** Where the dot goes in a compact code (the number of characters before it), or null when the system writes none. */
  dotAt: ((compact: string) => number) | null;
}

const afterThird = () => 3;

const FORMATS: Record<CodeSystemId, CodeFormat> = {
  [CodeSystemId.CPT]: {
    system: CodeSystemId.CPT,
    compact: /^\d{4}[0-9AFMTU]$/,
    expected: '5 characters, 4 digits then a digit or one of A, F, M, T, U (99213, 3074F, 0042T)',
    dotAt: null,
  },
  [CodeSystemId.HCPCS]: {
    system: CodeSystemId.HCPCS,
    compact: /^[A-V]\d{4}$/,
    expected: 'a letter A-V then 4 digits (J1100)',
    dotAt: null,
  },
  [CodeSystemId.ICD10CM]: {
    system: CodeSystemId.ICD10CM,
    // FY2026 added the first category with a letter second (QA0).
    compact: /^[A-Z](\d[0-9A-Z]|[A-Z]\d)([0-9A-Z]{1,4})?$/,
    expected: 'a letter, a digit, a letter or digit (or a letter then a digit: QA0), then optionally a dot and up to 4 more (E11, E11.9, S52.521A)',
    dotAt: afterThird,
  },
  [CodeSystemId.ICD10]: {
    system: CodeSystemId.ICD10,
    compact: /^[A-Z]\d{2}\d?$/,
    expected: 'a letter and 2 digits, then optionally a dot and 1 digit (E11, E11.9)',
    dotAt: afterThird,
  },
  [CodeSystemId.ICD10PCS]: {
    system: CodeSystemId.ICD10PCS,
    compact: /^[0-9A-HJ-NP-Z]{7}$/,
    expected: '7 letters or digits, no I or O (0DTJ4ZZ)',
    dotAt: null,
  },
  [CodeSystemId.ICD9CM]: {
    system: CodeSystemId.ICD9CM,
    compact: /^(\d{3}|V\d{2})\d{0,2}$|^E\d{3}\d?$/,
    expected:
      '3 digits (or V and 2 digits), then optionally a dot and 1 or 2 more (250.00, 462, V45.81), or E, 3 digits and optionally a dot and 1 more (E880.9)',
    dotAt: (compact) => (compact.startsWith('E') ? 4 : 3),
  },
  [CodeSystemId.ICD9CM_PROC]: {
    system: CodeSystemId.ICD9CM_PROC,
    compact: /^\d{3,4}$/,
    expected: '2 digits, a dot, then 1 or 2 digits (81.54, 47.0 written 470)',
    dotAt: () => 2,
  },
};

/**
 * Systems tried, in this order, when a code comes without its system. WHO ICD-10 is looked up only
 * when asked for by name: its codes are written like ICD-10-CM's, and US users mean ICD-10-CM.
 */
const INFERENCE_ORDER: readonly CodeSystemId[] = [CodeSystemId.CPT, CodeSystemId.HCPCS, CodeSystemId.ICD10CM, CodeSystemId.ICD10PCS];

const MAX_ECHO = 40;
const MAX_INPUT = 64;

export type { CodeKey };

export type ParsedCode = { ok: true; candidates: CodeKey[] } | { ok: false; message: string };

/** The value as it may be echoed in a message: quoted, and cut when it is long. */
export function echo(value: string): string {
  const shown = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
  return JSON.stringify(shown);
}

/** Upper case, no surrounding spaces, at most one dot (where it was: -1 for none); null for two dots. */
function compactForm(raw: string): { compact: string; dot: number } | null {
  const text = raw.trim().toUpperCase();
  const dot = text.indexOf('.');
  if (dot === -1) return { compact: text, dot };
  if (text.indexOf('.', dot + 1) !== -1) return null;
  return { compact: text.slice(0, dot) + text.slice(dot + 1), dot };
}

/** Whether a dot typed at `dot` (-1: none) is where the format puts it. */
function dotFits(format: CodeFormat, compact: string, dot: number): boolean {
  return dot === -1 || format.dotAt?.(compact) === dot;
}

export function canonicalCode(system: CodeSystemId, compact: string): string {
  const at = FORMATS[system].dotAt?.(compact) ?? null;
  return at !== null && compact.length > at ? `${compact.slice(0, at)}.${compact.slice(at)}` : compact;
}

/** The compact (dot-less) form of a canonical code: how the official files write it. */
export function compactCode(code: string): string {
  return code.replace('.', '');
}

/** The category of an ICD-10-CM code: its first three characters (E11 for E11.9). */
export function icd10cmCategory(code: string): string {
  return compactCode(code).slice(0, 3);
}

/**
 * Reads a code as a user typed it (`E119`, `e11.9`, ` E11.9 `) and returns the (system, canonical
 * code) pairs it can stand for: one when the system is given, possibly several when inferred from
 * the format (J1100 is HCPCS J1100 or ICD-10-CM J11.00). A value that fits no format is an error
 * that names the value and the expected format.
 */
export function parseCode(raw: string, system?: CodeSystemId | null): ParsedCode {
  if (raw.length > MAX_INPUT) {
    return { ok: false, message: `Code ${echo(raw)} is ${raw.length} characters long; codes have at most 8` };
  }
  const form = compactForm(raw);
  const systems = system ? [system] : INFERENCE_ORDER;
  const candidates: CodeKey[] = [];
  if (form !== null) {
    for (const id of systems) {
      const format = FORMATS[id];
      if (!dotFits(format, form.compact, form.dot)) continue;
      if (format.compact.test(form.compact)) candidates.push({ system: id, code: canonicalCode(id, form.compact) });
    }
  }
  if (candidates.length > 0) return { ok: true, candidates };
  if (system) {
    return { ok: false, message: `Code ${echo(raw)} is not a valid ${system} code: expected ${FORMATS[system].expected}` };
  }
  const expected = INFERENCE_ORDER.map((id) => `${id}: ${FORMATS[id].expected}`).join('; ');
  return { ok: false, message: `Code ${echo(raw)} fits no known code format. Expected one of ${expected}` };
}

/** The canonical form of a code known to belong to `system`, or null when it does not fit. */
export function normalizeCode(system: CodeSystemId, raw: string): string | null {
  const parsed = parseCode(raw, system);
  return parsed.ok ? parsed.candidates[0].code : null;
}
