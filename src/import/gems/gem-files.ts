import path from 'node:path';
import { CodeSystemId } from '../../domain/code-system-id';
import type { GemDirection } from '../../domain/crosswalk';

/** One GEM file to import: where it is, which way it maps, and its release year. */
export interface GemFile {
  file: string;
  direction: GemDirection;
  /** The GEM release year ("2018"), from the file name or the folder it sits in; "unknown" when neither says. */
  version: string;
}

/** The ReleaseFiles kinds of the four GEM files, with the direction each maps. */
export const GEM_KINDS = {
  gemCmI10I9: { from: CodeSystemId.ICD10CM, to: CodeSystemId.ICD9CM },
  gemCmI9I10: { from: CodeSystemId.ICD9CM, to: CodeSystemId.ICD10CM },
  gemPcsI10I9: { from: CodeSystemId.ICD10PCS, to: CodeSystemId.ICD9CM_PROC },
  gemPcsI9I10: { from: CodeSystemId.ICD9CM_PROC, to: CodeSystemId.ICD10PCS },
} as const satisfies Record<string, GemDirection>;

export type GemKind = keyof typeof GEM_KINDS;

/**
 * The names of the GEM files: CMS's own (2018_I10gem.txt, 2018_I9gem.txt, gem_pcsi9.txt,
 * gem_i9pcs.txt) and the descriptive form 2018_gem_cm_I10I9.txt; each optionally gzipped.
 */
export const GEM_PATTERNS: Array<{ kind: GemKind; pattern: RegExp }> = [
  { kind: 'gemCmI10I9', pattern: /^((\d{4})_I10gem|(\d{4})_gem_cm_I10I9)\.txt(\.gz)?$/i },
  { kind: 'gemCmI9I10', pattern: /^((\d{4})_I9gem|(\d{4})_gem_cm_I9I10)\.txt(\.gz)?$/i },
  { kind: 'gemPcsI10I9', pattern: /^(gem_pcsi9|(\d{4})_gem_pcs_I10I9)\.txt(\.gz)?$/i },
  { kind: 'gemPcsI9I10', pattern: /^(gem_i9pcs|(\d{4})_gem_pcs_I9I10)\.txt(\.gz)?$/i },
];

/** The GEM release year of a file: the year its name starts with, else a year in its folder's name (CMS's zips name the year). */
export function gemVersion(file: string): string {
  const year = /^(\d{4})_/.exec(path.basename(file)) ?? /(?:^|\D)(20\d{2})(?:\D|$)/.exec(path.basename(path.dirname(file)));
  return year?.[1] ?? 'unknown';
}

/** The GEM files among the release files of an import, in the order of GEM_KINDS. */
export function gemFilesOf(files: Partial<Record<GemKind, string>>): GemFile[] {
  return (Object.keys(GEM_KINDS) as GemKind[]).flatMap((kind) => {
    const file = files[kind];
    return file ? [{ file, direction: GEM_KINDS[kind], version: gemVersion(file) }] : [];
  });
}
