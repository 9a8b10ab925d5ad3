import path from 'node:path';
import { expect } from 'vitest';
import { FileFormatError } from '../../src/import/official/file-format-error';

/** The promise rejects with a FileFormatError at this file and line whose problem contains `problem`. */
export async function expectFormatError(promise: Promise<unknown>, file: string, line: number, problem: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(FileFormatError);
  expect(error).toMatchObject({ file, line, problem: expect.stringContaining(problem) });
  expect((error as Error).message).toContain(`${path.basename(file)} line ${line}: `);
}
