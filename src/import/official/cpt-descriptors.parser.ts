import { FileFormatError } from './file-format-error';
import { readLines } from './read-lines';

/** One row of a licensed AMA CPT descriptor file. The repository never holds such a file. */
export interface CptDescriptorRecord {
  code: string;
  descriptor: string;
  line: number;
}

const CPT = /^\d{4}[0-9AFMTU]$/;

/**
 * Reads a tab-separated CPT descriptor file as AMA licensees receive it: one code and its
 * descriptor per line. A first line whose first field is not a code is taken as a header.
 */
export async function readCptDescriptors(file: string, onRecord: (record: CptDescriptorRecord) => void): Promise<{ codes: number }> {
  const seen = new Set<string>();
  for await (const { line, text } of readLines(file)) {
    if (text.trim() === '') continue;
    const tab = text.indexOf('\t');
    const code = (tab === -1 ? text : text.slice(0, tab)).trim().toUpperCase();
    if (line === 1 && !CPT.test(code) && tab !== -1) continue;
    if (tab === -1) throw new FileFormatError(file, line, `expected a code, a tab and a descriptor, found no tab in ${JSON.stringify(text.slice(0, 40))}`);
    if (!CPT.test(code)) throw new FileFormatError(file, line, `expected a 5-character CPT code (99213, 3074F, 0042T), found ${JSON.stringify(code)}`);
    const descriptor = text.slice(tab + 1).trim();
    if (!descriptor) throw new FileFormatError(file, line, `expected a descriptor after the tab for ${code}`);
    if (seen.has(code)) throw new FileFormatError(file, line, `code ${code} is listed twice`);
    seen.add(code);
    onRecord({ code, descriptor, line });
  }
  return { codes: seen.size };
}
