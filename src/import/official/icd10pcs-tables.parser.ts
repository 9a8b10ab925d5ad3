import type { SaxesTagPlain } from 'saxes';
import { CheckedXmlReader, readCheckedXml, withoutPosition } from './checked-xml';
import type { FileFormatError } from './file-format-error';

/** One value of one PCS axis: the character it puts in the code and its label in the tables. */
export interface PcsAxisValue {
  code: string;
  label: string;
}

/**
 * One `pcsTable` of the ICD-10-PCS tables XML: the three fixed characters (axes 1-3) and its rows,
 * each row listing the allowed values of characters 4-7. Axis titles vary by section ("Body Part"
 * vs "Body System / Region", "Device" vs "Substance"...), so values are placed by `axis@pos`, not
 * by title: `bodyPart` is always character 4, `approach` 5, `device` 6, `qualifier` 7.
 */
export interface PcsTable {
  section: PcsAxisValue;
  bodySystem: PcsAxisValue;
  /** `definition` is null when the table gives none (e.g. the Imaging tables D00...DWY). */
  operation: PcsAxisValue & { definition: string | null };
  /** "0DT": the three characters */
  prefix: string;
  rows: Array<{ bodyPart: PcsAxisValue[]; approach: PcsAxisValue[]; device: PcsAxisValue[]; qualifier: PcsAxisValue[] }>;
  /** Line of the table's `<pcsTable>` start tag. */
  line: number;
}

export interface PcsTablesSummary {
  /** Text of the file's `<version>` element, e.g. "2026". */
  version: string;
  tables: number;
  rows: number;
  /** Sum over rows of the product of the 4 axis sizes (the number of codes the tables define). */
  codes: number;
}

type PcsRow = PcsTable['rows'][number];

/** The elements each element may contain ('' = the document itself). */
const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  '': ['ICD10PCS.tabular'],
  'ICD10PCS.tabular': ['version', 'title', 'pcsTable'],
  pcsTable: ['axis', 'pcsRow'],
  pcsRow: ['axis'],
  axis: ['title', 'label', 'definition'],
  version: [],
  title: [],
  label: [],
  definition: [],
};

const ROW_FIELDS = { 4: 'bodyPart', 5: 'approach', 6: 'device', 7: 'qualifier' } as const satisfies Record<number, keyof PcsRow>;
const TABLE_AXIS_NAMES: Readonly<Record<number, string>> = { 1: 'section', 2: 'body system', 3: 'operation' };

/** One character of a PCS code: a digit or a letter other than I and O. */
const PCS_CHARACTER = /^[0-9A-HJ-NP-Z]$/;

interface AxisDraft {
  pos: number;
  values: number;
  line: number;
  labels: PcsAxisValue[];
  definition: string | null;
}

interface RowDraft {
  codes: number;
  line: number;
  axes: Map<number, AxisDraft>;
}

interface TableDraft {
  line: number;
  axes: Map<number, AxisDraft>;
  rows: PcsRow[];
}

/**
 * Streams the ICD-10-PCS tables XML (`icd10pcs_tables_YYYY.xml[.gz]`) with saxes and calls
 * `onTable` once per `pcsTable`, in file order. Never builds a DOM.
 *
 * Expected layout: `ICD10PCS.tabular` > `version`, `title`, `pcsTable`*; `pcsTable` > `axis@pos`
 * 1-3 (each with one `label@code`; pos 3 may have a `definition`), then one or more `pcsRow@codes`
 * > `axis@pos` 4-7. Every axis may carry a `title` (ignored) and must have as many `label`s as its
 * `values` attribute says; a row's `codes` attribute must equal the product of its four axis
 * sizes. Label text is whitespace-collapsed. Anything else (unknown elements, malformed XML, an
 * unclosed element) rejects with a {@link FileFormatError} naming the line.
 */
export async function readPcsTables(file: string, onTable: (table: PcsTable) => void): Promise<PcsTablesSummary> {
  const reader = new PcsTablesReader(file, onTable);
  await readCheckedXml(file, reader.xml);
  return reader.finish();
}

/** The drafts of the open table, row and axis, filled element by element. */
class PcsTablesReader {
  readonly xml: CheckedXmlReader;
  private version: string | null = null;
  private table: TableDraft | null = null;
  private row: RowDraft | null = null;
  private axis: AxisDraft | null = null;
  private labelCode = '';
  private readonly summary = { tables: 0, rows: 0, codes: 0 };

  constructor(
    file: string,
    private readonly onTable: (table: PcsTable) => void,
  ) {
    this.xml = new CheckedXmlReader({
      file,
      grammar: CHILDREN,
      notWellFormed: (message) => `expected well-formed XML: ${withoutPosition(message)}`,
      handlers: {
        version: { close: (text) => this.closeVersion(text) },
        pcsTable: { open: () => this.openTable(), close: () => this.closeTable() },
        pcsRow: { open: (tag) => this.openRow(tag), close: () => this.closeRow() },
        axis: { open: (tag, parent) => this.openAxis(tag, parent), close: () => this.closeAxis() },
        label: { open: (tag) => this.openLabel(tag), close: (text) => this.closeLabel(text) },
        definition: { open: () => this.openDefinition(), close: (text) => this.closeDefinition(text) },
      },
    });
  }

  finish(): PcsTablesSummary {
    if (this.version === null) throw this.fail('expected a <version> element in <ICD10PCS.tabular>, found none');
    return { version: this.version, ...this.summary };
  }

  private fail(problem: string, line?: number): FileFormatError {
    return this.xml.fail(problem, line);
  }

  private closeVersion(content: string): void {
    if (content === '') throw this.fail('expected the release year in <version>, found an empty element');
    this.version = content;
  }

  private openTable(): void {
    this.table = { line: this.xml.line, axes: new Map(), rows: [] };
  }

  private openRow(tag: SaxesTagPlain): void {
    const current = this.table;
    const missing = [1, 2, 3].filter((pos) => !current?.axes.has(pos));
    if (missing.length > 0) {
      throw this.fail(`expected <axis pos="1">, <axis pos="2"> and <axis pos="3"> before the first <pcsRow>, missing pos ${missing.join(', ')}`);
    }
    this.row = { codes: this.positiveInteger(tag, 'codes'), line: this.xml.line, axes: new Map() };
  }

  private openAxis(tag: SaxesTagPlain, parent: string): void {
    const inRow = parent === 'pcsRow';
    const [low, high] = inRow ? [4, 7] : [1, 3];
    const pos = /^\d$/.test(tag.attributes.pos ?? '') ? Number(tag.attributes.pos) : Number.NaN;
    if (!(pos >= low && pos <= high)) {
      throw this.fail(
        `expected an axis pos from ${low} to ${high} inside <${parent}>, found ${tag.attributes.pos === undefined ? 'no pos' : `pos="${tag.attributes.pos}"`}`,
      );
    }
    const owner = inRow ? this.row : this.table;
    if (!owner) throw this.fail(`expected <${parent}> to be open`);
    if (owner.axes.has(pos)) throw this.fail(`expected one <axis pos="${pos}"> per <${parent}>, found a second one`);
    if (!inRow && this.table?.rows.length) throw this.fail(`expected <axis pos="${pos}"> before the first <pcsRow>`);
    this.axis = { pos, values: this.positiveInteger(tag, 'values'), line: this.xml.line, labels: [], definition: null };
    owner.axes.set(pos, this.axis);
  }

  private openLabel(tag: SaxesTagPlain): void {
    const code = tag.attributes.code ?? '';
    if (!PCS_CHARACTER.test(code)) throw this.fail(`expected a label code of one character 0-9 or A-Z other than I and O, found "${code}"`);
    const current = this.axis;
    if (current?.labels.some((value) => value.code === code))
      throw this.fail(`expected each label code once per axis, found "${code}" again in <axis pos="${current.pos}">`);
    this.labelCode = code;
  }

  private openDefinition(): void {
    const current = this.axis;
    if (current?.pos !== 3) throw this.fail(`expected <definition> only in <axis pos="3">, found it in <axis pos="${current?.pos ?? ''}">`);
    if (current.definition !== null) throw this.fail('expected at most one <definition> in <axis pos="3">, found a second one');
  }

  private closeLabel(content: string): void {
    if (content === '') throw this.fail(`expected the text of label "${this.labelCode}", found an empty element`);
    this.axis?.labels.push({ code: this.labelCode, label: content });
  }

  private closeDefinition(content: string): void {
    if (content === '') throw this.fail('expected the text of the operation definition, found an empty element');
    if (this.axis) this.axis.definition = content;
  }

  private closeAxis(): void {
    const done = this.axis;
    if (!done) return;
    if (done.labels.length !== done.values) {
      throw this.fail(`expected ${done.values} <label> elements in <axis pos="${done.pos}"> (its values attribute), found ${done.labels.length}`, done.line);
    }
    if (done.pos <= 3 && done.values !== 1) {
      throw this.fail(`expected exactly one ${TABLE_AXIS_NAMES[done.pos]} label in <axis pos="${done.pos}">, found values="${done.values}"`, done.line);
    }
    this.axis = null;
  }

  private closeRow(): void {
    const done = this.row;
    const current = this.table;
    if (!done || !current) return;
    const missing = [4, 5, 6, 7].filter((pos) => !done.axes.has(pos));
    if (missing.length > 0) throw this.fail(`expected <axis pos="4"> to <axis pos="7"> in <pcsRow>, missing pos ${missing.join(', ')}`, done.line);
    const built: PcsRow = { bodyPart: [], approach: [], device: [], qualifier: [] };
    for (const [pos, field] of Object.entries(ROW_FIELDS)) built[field] = done.axes.get(Number(pos))?.labels ?? [];
    const sizes = [built.bodyPart.length, built.approach.length, built.device.length, built.qualifier.length];
    const product = sizes.reduce((a, b) => a * b, 1);
    if (product !== done.codes)
      throw this.fail(`expected codes="${product}" on <pcsRow> (${sizes.join(' x ')} labels), found codes="${done.codes}"`, done.line);
    current.rows.push(built);
    this.summary.rows++;
    this.summary.codes += product;
    this.row = null;
  }

  private closeTable(): void {
    const done = this.table;
    if (!done) return;
    const missing = [1, 2, 3].filter((pos) => !done.axes.has(pos));
    if (missing.length > 0)
      throw this.fail(`expected <axis pos="1">, <axis pos="2"> and <axis pos="3"> in <pcsTable>, missing pos ${missing.join(', ')}`, done.line);
    if (done.rows.length === 0) throw this.fail('expected at least one <pcsRow> in <pcsTable>, found none', done.line);
    const [section, bodySystem, operation] = [1, 2, 3].map((pos) => singleValue(done.axes.get(pos)));
    this.table = null;
    this.summary.tables++;
    this.onTable({
      section,
      bodySystem,
      operation: { ...operation, definition: done.axes.get(3)?.definition ?? null },
      prefix: section.code + bodySystem.code + operation.code,
      rows: done.rows,
      line: done.line,
    });
  }

  /** The tag's attribute `name` as a positive integer, or a FileFormatError echoing it. */
  private positiveInteger(tag: SaxesTagPlain, name: string): number {
    const raw = tag.attributes[name];
    if (raw === undefined || !/^[1-9]\d*$/.test(raw))
      throw this.fail(`expected a positive whole number in <${tag.name} ${name}>, found ${raw === undefined ? 'no attribute' : `"${raw}"`}`);
    return Number(raw);
  }
}

/** All codes a table defines (prefix + one label from each of the row's four axes), in order. */
export function expandTable(table: PcsTable): string[] {
  const codes: string[] = [];
  for (const row of table.rows) {
    for (const bodyPart of row.bodyPart) {
      for (const approach of row.approach) {
        for (const device of row.device) {
          for (const qualifier of row.qualifier) codes.push(table.prefix + bodyPart.code + approach.code + device.code + qualifier.code);
        }
      }
    }
  }
  return codes;
}

/** The one label of a table axis (pos 1-3; presence and count were checked when it closed). */
function singleValue(axis: AxisDraft | undefined): PcsAxisValue {
  const value = axis?.labels[0];
  if (!value) throw new Error('table axis without its label: checked before, cannot happen');
  return value;
}
