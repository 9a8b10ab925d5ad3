import { FileFormatError } from '../official/file-format-error';
import { findHeader } from './header';
import type { NcciSetting } from './ptp.parser';
import type { TableRow } from './table-rows';

/** One medically unlikely edit: the most units of a code on a line or a day. */
export interface MueEdit {
  code: string;
  units: number;
  /** 1 line edit, 2 date of service edit (policy), 3 date of service edit (clinical). */
  adjudication: 1 | 2 | 3;
  /** The indicator in CMS's words, e.g. "Date of Service Edit: Policy". */
  adjudicationText: string;
  rationale: string;
  line: number;
}

const SETTING_TITLE: Record<NcciSetting, string> = {
  PRACTITIONER: 'Practitioner Services MUE Values',
  OUTPATIENT_HOSPITAL: 'Outpatient Hospital Services MUE Values',
  DME_SUPPLIER: 'DME Supplier Services MUE Values',
};

export function mueColumns(setting: NcciSetting): string[] {
  return ['HCPCS/CPT Code', SETTING_TITLE[setting], 'MUE Adjudication Indicator', 'MUE Rationale'];
}

const CODE = /^[0-9A-Z]{5}$/;
const INDICATOR = /^([123])\s+(.+)$/;

/**
 * The edits of a CMS MUE table (practitioner, outpatient hospital or DME supplier services), .csv or
 * .xlsx: the header row is found by its titles after the copyright row, then every non-empty row is
 * a code, its MUE value (a whole number of units, 0 allowed), its adjudication indicator ("1 Line
 * Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical") and its rationale.
 */
export async function* parseMue(file: string, setting: NcciSetting, rows: AsyncIterable<TableRow>): AsyncGenerator<MueEdit> {
  const it = rows[Symbol.asyncIterator]();
  const columns = mueColumns(setting);
  await findHeader(file, it, columns, 'MUE');
  for (let next = await it.next(); !next.done; next = await it.next()) {
    const { line, cells } = next.value;
    if (cells.every((c) => c === '')) continue;
    if (cells.length < 4) throw new FileFormatError(file, line, `${cells.length} column(s); expected the 4 columns ${columns.map((c) => `"${c}"`).join(', ')}`);
    const [code, units, indicator, rationale] = cells as [string, string, string, string];
    if (!CODE.test(code)) throw new FileFormatError(file, line, `HCPCS/CPT Code "${code}" is not a code: expected five letters or digits`);
    if (!/^\d+$/.test(units)) throw new FileFormatError(file, line, `MUE value "${units}" is not a whole number of units`);
    const m = INDICATOR.exec(indicator);
    if (!m)
      throw new FileFormatError(
        file,
        line,
        `MUE Adjudication Indicator "${indicator}": expected "1 Line Edit", "2 Date of Service Edit: Policy" or "3 Date of Service Edit: Clinical"`,
      );
    yield { code, units: Number(units), adjudication: Number(m[1]) as 1 | 2 | 3, adjudicationText: m[2], rationale, line };
  }
}
