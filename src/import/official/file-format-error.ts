import path from 'node:path';

/**
 * A release file that does not fit its official layout. The message names the file, the line and
 * what was expected, so the user can look at the exact place; the import stops before writing.
 */
export class FileFormatError extends Error {
  override name = 'FileFormatError';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${path.basename(file)} line ${line}: ${problem}`);
  }
}
