/**
 * The General Equivalence Mappings (GEMs, CMS/CDC, last released for FY2018): which pairs of
 * systems a GEM file maps, and what the five flags of one entry say. Plain values, no framework.
 */
import { CodeSystemId } from './code-system-id';

/** The source and target systems of one GEM file. */
export interface GemDirection {
  from: CodeSystemId;
  to: CodeSystemId;
}

/** The four GEM files: ICD-10-CM and ICD-9-CM diagnoses both ways, ICD-10-PCS and ICD-9-CM Volume 3 procedures both ways. */
export const GEM_DIRECTIONS: readonly GemDirection[] = [
  { from: CodeSystemId.ICD10CM, to: CodeSystemId.ICD9CM },
  { from: CodeSystemId.ICD9CM, to: CodeSystemId.ICD10CM },
  { from: CodeSystemId.ICD10PCS, to: CodeSystemId.ICD9CM_PROC },
  { from: CodeSystemId.ICD9CM_PROC, to: CodeSystemId.ICD10PCS },
];

/** The GEM direction from one system to another, or null when no GEM maps that pair. */
export function gemDirection(from: CodeSystemId, to: CodeSystemId): GemDirection | null {
  return GEM_DIRECTIONS.find((d) => d.from === from && d.to === to) ?? null;
}

/** The GEM directions in words, for messages: "ICD10CM to ICD9CM, ICD9CM to ICD10CM, ...". */
export function gemDirectionsText(): string {
  return GEM_DIRECTIONS.map((d) => `${d.from} to ${d.to}`).join(', ');
}

/** The systems whose codes only the GEMs bring (no titles): ICD-9-CM diagnoses and procedures. */
export const GEM_ONLY_SYSTEMS: ReadonlySet<CodeSystemId> = new Set([CodeSystemId.ICD9CM, CodeSystemId.ICD9CM_PROC]);

/** The ICD-9-CM side of a GEM (the system whose codes only the GEMs bring). */
export function gemOnlySystem(direction: { from: CodeSystemId; to: CodeSystemId }): CodeSystemId {
  return GEM_ONLY_SYSTEMS.has(direction.from) ? direction.from : direction.to;
}

/** The id of the Crosswalk node of one GEM file: "GEM|2018|ICD9CM>ICD10CM". */
export function crosswalkId(direction: GemDirection, version: string): string {
  return `GEM|${version}|${direction.from}>${direction.to}`;
}

/** The flags of one GEM entry, as the 5-digit field states them. */
export interface GemFlags {
  /** 1: the entry is approximate, not an identical match. */
  approximate: boolean;
  /** 1: the source code has no target in the other system. */
  noMap: boolean;
  /** 1: the source code needs several target codes together (one from each choice list of a scenario). */
  combination: boolean;
  /** 0, or the number of the scenario (one variation of the source's meaning) the entry belongs to. */
  scenario: number;
  /** 0, or the number of the choice list of that scenario the target is one option of. */
  choiceList: number;
}

const FLAGS = /^([01])([01])([01])(\d)(\d)$/;

/** The flags of a 5-digit flag field ("10112"), or null when it is not one. */
export function parseGemFlags(text: string): GemFlags | null {
  const m = FLAGS.exec(text);
  if (!m) return null;
  return { approximate: m[1] === '1', noMap: m[2] === '1', combination: m[3] === '1', scenario: Number(m[4]), choiceList: Number(m[5]) };
}

/** One GEM entry's flags in words; `hasTarget` is false when the file names no target code (NoDx, NoPCS, NoI9). */
export function gemFlagWords(flags: GemFlags, to: string, hasTarget = true): string {
  if (flags.noMap) return `no map: the GEM names no ${to} code for it`;
  if (!hasTarget) return `no map: the GEM names no ${to} code for it (its no-map flag is 0 as the file writes it)`;
  const match = flags.approximate ? 'approximate' : 'identical';
  if (!flags.combination) return `${match}: one ${to} code stands for it${flags.choiceList ? ` (choice list ${flags.choiceList})` : ''}`;
  return `${match}, combination: scenario ${flags.scenario}, choice list ${flags.choiceList}; one code from each choice list of the scenario is needed together`;
}
