import { FileFormatError } from './file-format-error';
import { readLines } from './read-lines';

/** One valid ICD-10-PCS code with its long title, and the line it was read from. */
export interface PcsCodeLine {
  code: string;
  title: string;
  line: number;
}

/** Seven PCS characters: digits and letters other than I and O. */
const PCS_CODE = /^[0-9A-HJ-NP-Z]{7}$/;

/**
 * Streams the ICD-10-PCS codes file (`icd10pcs_codes_YYYY.txt[.gz]`, fixed width: cols 1-7 code,
 * col 8 blank, col 9-end long title) and calls `onCode` per line, in file order. Trailing spaces
 * of the title are dropped. Only the last line may be blank; any other line that does not fit
 * the layout rejects with a {@link FileFormatError}.
 */
export async function readPcsCodes(file: string, onCode: (code: PcsCodeLine) => void): Promise<{ codes: number }> {
  let codes = 0;
  let blankLine: number | null = null;
  for await (const { line, text } of readLines(file)) {
    if (blankLine !== null) throw new FileFormatError(file, blankLine, 'expected a code line, found a blank line (only the last line may be blank)');
    if (text.trim() === '') {
      blankLine = line;
      continue;
    }
    const code = text.slice(0, 7);
    if (!PCS_CODE.test(code))
      throw new FileFormatError(file, line, `expected a 7-character ICD-10-PCS code (0-9, A-Z without I and O) in columns 1-7, found "${code}"`);
    if (text[7] !== ' ') throw new FileFormatError(file, line, `expected a blank in column 8 after code ${code}, found "${text[7] ?? 'end of line'}"`);
    const title = text.slice(8).trimEnd();
    if (title === '') throw new FileFormatError(file, line, `expected the long title of ${code} from column 9, found nothing`);
    onCode({ code, title, line });
    codes++;
  }
  return { codes };
}
