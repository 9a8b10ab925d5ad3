import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `content` to a file of this name in a new temporary folder and returns its path. */
export function writeTempFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'codeset-graph-')), name);
  writeFileSync(file, content);
  return file;
}

/** Runs a streaming reader over a file and returns every record it delivered. */
export async function collect<T>(read: (file: string, onRecord: (record: T) => void) => Promise<unknown>, file: string): Promise<T[]> {
  const records: T[] = [];
  await read(file, (record) => records.push(record));
  return records;
}
