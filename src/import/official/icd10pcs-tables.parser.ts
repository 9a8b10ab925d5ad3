import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileFormatError } from './file-format-error';
import { openRelease } from './read-lines';

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
  const parser = new SaxesParser({ xmlns: false, position: true });
  const fail = (problem: string, line: number = parser.line): never => {
    throw new FileFormatError(file, line, problem);
  };

  const open: string[] = [];
  let text = '';
  let version: string | null = null;
  let table: TableDraft | null = null;
  let row: RowDraft | null = null;
  let axis: AxisDraft | null = null;
  let labelCode = '';
  const summary = { tables: 0, rows: 0, codes: 0 };

  const onOpen = (tag: SaxesTagPlain): void => {
    const parent = open[open.length - 1] ?? '';
    const allowed = CHILDREN[parent] ?? [];
    if (!allowed.includes(tag.name)) {
      fail(
        allowed.length === 0
          ? `expected only text inside <${parent}>, found <${tag.name}>`
          : `expected ${allowed.map((name) => `<${name}>`).join(' or ')} ${parent ? `inside <${parent}>` : 'as the root element'}, found <${tag.name}>`,
      );
    }
    open.push(tag.name);
    text = '';
    switch (tag.name) {
      case 'pcsTable':
        table = { line: parser.line, axes: new Map(), rows: [] };
        break;
      case 'pcsRow': {
        const current = table;
        const missing = [1, 2, 3].filter((pos) => !current?.axes.has(pos));
        if (missing.length > 0) fail(`expected <axis pos="1">, <axis pos="2"> and <axis pos="3"> before the first <pcsRow>, missing pos ${missing.join(', ')}`);
        row = { codes: positiveInteger(tag, 'codes', fail), line: parser.line, axes: new Map() };
        break;
      }
      case 'axis': {
        const inRow = parent === 'pcsRow';
        const [low, high] = inRow ? [4, 7] : [1, 3];
        const pos = /^\d$/.test(tag.attributes.pos ?? '') ? Number(tag.attributes.pos) : Number.NaN;
        if (!(pos >= low && pos <= high)) {
          fail(
            `expected an axis pos from ${low} to ${high} inside <${parent}>, found ${tag.attributes.pos === undefined ? 'no pos' : `pos="${tag.attributes.pos}"`}`,
          );
        }
        const owner = inRow ? row : table;
        if (!owner) return fail(`expected <${parent}> to be open`);
        if (owner.axes.has(pos)) fail(`expected one <axis pos="${pos}"> per <${parent}>, found a second one`);
        if (!inRow && table?.rows.length) fail(`expected <axis pos="${pos}"> before the first <pcsRow>`);
        axis = { pos, values: positiveInteger(tag, 'values', fail), line: parser.line, labels: [], definition: null };
        owner.axes.set(pos, axis);
        break;
      }
      case 'label': {
        const code = tag.attributes.code ?? '';
        if (!PCS_CHARACTER.test(code)) fail(`expected a label code of one character 0-9 or A-Z other than I and O, found "${code}"`);
        const current = axis;
        if (current?.labels.some((value) => value.code === code))
          fail(`expected each label code once per axis, found "${code}" again in <axis pos="${current.pos}">`);
        labelCode = code;
        break;
      }
      case 'definition': {
        const current = axis;
        if (current?.pos !== 3) fail(`expected <definition> only in <axis pos="3">, found it in <axis pos="${current?.pos ?? ''}">`);
        if (current?.definition !== null) fail('expected at most one <definition> in <axis pos="3">, found a second one');
        break;
      }
    }
  };

  const onClose = (tag: SaxesTagPlain): void => {
    open.pop();
    const content = text.replace(/\s+/g, ' ').trim();
    text = '';
    switch (tag.name) {
      case 'version':
        if (content === '') fail('expected the release year in <version>, found an empty element');
        version = content;
        break;
      case 'label':
        if (content === '') fail(`expected the text of label "${labelCode}", found an empty element`);
        axis?.labels.push({ code: labelCode, label: content });
        break;
      case 'definition':
        if (content === '') fail('expected the text of the operation definition, found an empty element');
        if (axis) axis.definition = content;
        break;
      case 'axis': {
        const done = axis;
        if (!done) break;
        if (done.labels.length !== done.values) {
          fail(`expected ${done.values} <label> elements in <axis pos="${done.pos}"> (its values attribute), found ${done.labels.length}`, done.line);
        }
        if (done.pos <= 3 && done.values !== 1) {
          fail(`expected exactly one ${TABLE_AXIS_NAMES[done.pos]} label in <axis pos="${done.pos}">, found values="${done.values}"`, done.line);
        }
        axis = null;
        break;
      }
      case 'pcsRow': {
        const done = row;
        const current = table;
        if (!done || !current) break;
        const missing = [4, 5, 6, 7].filter((pos) => !done.axes.has(pos));
        if (missing.length > 0) fail(`expected <axis pos="4"> to <axis pos="7"> in <pcsRow>, missing pos ${missing.join(', ')}`, done.line);
        const built: PcsRow = { bodyPart: [], approach: [], device: [], qualifier: [] };
        for (const [pos, field] of Object.entries(ROW_FIELDS)) built[field] = done.axes.get(Number(pos))?.labels ?? [];
        const sizes = [built.bodyPart.length, built.approach.length, built.device.length, built.qualifier.length];
        const product = sizes.reduce((a, b) => a * b, 1);
        if (product !== done.codes) fail(`expected codes="${product}" on <pcsRow> (${sizes.join(' x ')} labels), found codes="${done.codes}"`, done.line);
        current.rows.push(built);
        summary.rows++;
        summary.codes += product;
        row = null;
        break;
      }
      case 'pcsTable': {
        const done = table;
        if (!done) break;
        const missing = [1, 2, 3].filter((pos) => !done.axes.has(pos));
        if (missing.length > 0) fail(`expected <axis pos="1">, <axis pos="2"> and <axis pos="3"> in <pcsTable>, missing pos ${missing.join(', ')}`, done.line);
        if (done.rows.length === 0) fail('expected at least one <pcsRow> in <pcsTable>, found none', done.line);
        const [section, bodySystem, operation] = [1, 2, 3].map((pos) => singleValue(done.axes.get(pos)));
        table = null;
        summary.tables++;
        onTable({
          section,
          bodySystem,
          operation: { ...operation, definition: done.axes.get(3)?.definition ?? null },
          prefix: section.code + bodySystem.code + operation.code,
          rows: done.rows,
          line: done.line,
        });
        break;
      }
    }
  };

  parser.on('error', (error) => fail(`expected well-formed XML: ${error.message.replace(/^\d+:\d+: /, '')}`));
  parser.on('opentag', onOpen);
  parser.on('closetag', onClose);
  parser.on('text', (chunk) => {
    text += chunk;
  });

  const stream = openRelease(file);
  stream.setEncoding('utf8');
  for await (const chunk of stream) parser.write(chunk as string);
  parser.close();

  if (version === null) return fail('expected a <version> element in <ICD10PCS.tabular>, found none');
  return { version, ...summary };
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

/** The tag's attribute `name` as a positive integer, or a FileFormatError echoing it. */
function positiveInteger(tag: SaxesTagPlain, name: string, fail: (problem: string) => never): number {
  const raw = tag.attributes[name];
  if (raw === undefined || !/^[1-9]\d*$/.test(raw))
    fail(`expected a positive whole number in <${tag.name} ${name}>, found ${raw === undefined ? 'no attribute' : `"${raw}"`}`);
  return Number(raw);
}
