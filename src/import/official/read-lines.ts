import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { pipeline, type Readable } from 'node:stream';

/**
 * The file as a byte stream, gunzipped when its name ends in .gz (how ../shared/data keeps large
 * files). Errors of the file (missing, unreadable) reach the returned stream.
 */
export function openRelease(file: string): Readable {
  const raw = createReadStream(file);
  if (!file.endsWith('.gz')) return raw;
  return pipeline(raw, createGunzip(), () => {});
}

/** Lines of a text file (plain or .gz) with their 1-based numbers, CR stripped, read as a stream. */
export async function* readLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const lines = createInterface({ input: openRelease(file), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    yield { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  }
}
