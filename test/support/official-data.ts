import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';

/**
 * The official releases (../shared/data beside the repository, or CODESET_DATA_DIR) are not in the
 * repository. Without them the suites that read them are skipped: vitest.config.mts (same rule for
 * the folder) prints one line naming the folder it looked for, and with CI set it fails the run
 * instead, so CI never skips them.
 */
export const OFFICIAL_DATA_DIR = process.env.CODESET_DATA_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

export const OFFICIAL_DATA_PRESENT = existsSync(OFFICIAL_DATA_DIR) && statSync(OFFICIAL_DATA_DIR).isDirectory();

/** A file of the official data folder, by its path inside it ('icd10cm/icd10cm_order_2026.txt.gz'). */
export function officialFile(relative: string): string {
  return path.join(OFFICIAL_DATA_DIR, relative);
}

/** `describe` for the suites that read the official files: skipped when the folder is missing. */
export const describeOfficialData = describe.skipIf(!OFFICIAL_DATA_PRESENT);
