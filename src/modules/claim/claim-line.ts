/** A service line of a claim as the edit checks read it: its number, procedure key and what it reports. */
export interface EditLine {
  /** 1-based line number. */
  line: number;
  /** "SYSTEM|code" of the procedure the graph holds. */
  key: string;
  /** The procedure code, canonical. */
  code: string;
  units: number;
  /** Upper case. */
  modifiers: string[];
}

/** A date as the messages write it, or the words for none. */
export function dated(from: string, to: string | null): string {
  return to === null ? `effective ${from}, no deletion date` : `effective ${from}, deleted ${to}`;
}
