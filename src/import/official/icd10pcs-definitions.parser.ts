import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileFormatError } from './file-format-error';

/**
 * One `terms` entry of the ICD-10-PCS definitions XML: a value of one axis of one section (an
 * operation such as "Resection", a body part such as "Appendix", an approach, a device), with the
 * term's definition, explanation and `includes` (the words the PCS Index sends to it: "Vermiform
 * appendix" for Appendix). One entry may name several values ("Auditory Ossicle, Left" and
 * "..., Right").
 */
export interface PcsDefinitionTerm {
  /** The section's code: "0" for Medical and Surgical. */
  section: string;
  /** The axis position (3 operation, 4 body part, 5 approach, 6 device, ...). */
  axis: number;
  axisTitle: string;
  titles: string[];
  definition: string | null;
  explanation: string | null;
  includes: string[];
  line: number;
}

export interface PcsDefinitions {
  version: string;
  terms: PcsDefinitionTerm[];
}

/** The elements each element may contain ('' = the document itself); other elements are refused. */
const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  '': ['ICD10PCS.definitions'],
  'ICD10PCS.definitions': ['version', 'title', 'section', 'deviceAggregation'],
  section: ['title', 'axis'],
  axis: ['title', 'terms'],
  terms: ['title', 'definition', 'explanation', 'includes'],
  // The device aggregation table (which general device value a specific device falls under): kept
  // out of search, but its layout is checked like the rest.
  deviceAggregation: ['aggregate'],
  aggregate: ['device', 'operation', 'bodySys', 'parent'],
  version: [],
  title: [],
  definition: [],
  explanation: [],
  includes: [],
  device: [],
  operation: [],
  bodySys: [],
  parent: [],
};

/**
 * Reads the ICD-10-PCS definitions XML (`icd10pcs_definitions_YYYY.xml[.gz]`, about 300 KB, read
 * whole) with saxes. Layout: `ICD10PCS.definitions` > `version`, `title`, `section@code`*;
 * then optionally `deviceAggregation` (checked, not kept); `section` > `title`, `axis@pos`*; `axis` > `title`, `terms`*;
 * `terms` > `title`+, optional `definition` and `explanation`, `includes`*. Text is
 * whitespace-collapsed. Anything else (an unknown element, a term with no title, malformed XML)
 * rejects with a {@link FileFormatError} naming the line.
 */
export async function readPcsDefinitions(file: string): Promise<PcsDefinitions> {
  const raw = await readFile(file);
  const xml = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const parser = new SaxesParser({ xmlns: false, position: true });
  const fail = (problem: string, line: number = parser.line): never => {
    throw new FileFormatError(file, line, problem);
  };
  const open: string[] = [];
  const terms: PcsDefinitionTerm[] = [];
  let text = '';
  let version: string | null = null;
  let section: string | null = null;
  let axis: { pos: number; title: string } | null = null;
  let term: PcsDefinitionTerm | null = null;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const parent = open[open.length - 1] ?? '';
    const allowed = CHILDREN[parent] ?? [];
    if (!allowed.includes(tag.name)) {
      fail(
        allowed.length === 0
          ? `expected only text inside <${parent}>, found <${tag.name}>`
          : `expected ${allowed.map((n) => `<${n}>`).join(' or ')} ${parent ? `inside <${parent}>` : 'as the root element'}, found <${tag.name}>`,
      );
    }
    open.push(tag.name);
    text = '';
    if (tag.name === 'section') {
      const code = tag.attributes.code ?? '';
      if (!/^[0-9A-HJ-NP-Z]$/.test(code)) fail(`expected <section code> to be one PCS character, found ${JSON.stringify(code)}`);
      section = code;
    } else if (tag.name === 'axis') {
      const pos = tag.attributes.pos ?? '';
      if (!/^[2-7]$/.test(pos)) fail(`expected <axis pos> from 2 to 7, found ${JSON.stringify(pos)}`);
      axis = { pos: Number(pos), title: '' };
    } else if (tag.name === 'terms') {
      term = { section: section!, axis: axis!.pos, axisTitle: axis!.title, titles: [], definition: null, explanation: null, includes: [], line: parser.line };
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    open.pop();
    const parent = open[open.length - 1] ?? '';
    const value = text.replace(/\s+/g, ' ').trim();
    text = '';
    if (tag.name === 'version' && parent === 'ICD10PCS.definitions') version = value;
    else if (tag.name === 'title' && parent === 'axis' && axis) axis.title = value;
    else if (term && parent === 'terms') {
      if (value.length === 0) fail(`expected text inside <${tag.name}>`);
      if (tag.name === 'title') term.titles.push(value);
      else if (tag.name === 'definition') term.definition = value;
      else if (tag.name === 'explanation') term.explanation = value;
      else if (tag.name === 'includes') term.includes.push(value);
    } else if (tag.name === 'terms' && term) {
      if (term.titles.length === 0) fail('expected at least one <title> in <terms>', term.line);
      terms.push(term);
      term = null;
    } else if (tag.name === 'axis') axis = null;
    else if (tag.name === 'section') section = null;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof FileFormatError) throw error;
    fail(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!version) fail('expected a <version> element in <ICD10PCS.definitions>', 1);
  return { version: version!, terms };
}

/** The words the definitions send to each body part, by `${section}:${title}` (axis 4), e.g. "0:Appendix". */
export function bodyPartTerms(definitions: PcsDefinitions): Map<string, string[]> {
  const bySection = new Map<string, string[]>();
  for (const t of definitions.terms) {
    if (t.axis !== 4 || t.includes.length === 0) continue;
    for (const title of t.titles) {
      const key = `${t.section}:${title}`;
      bySection.set(key, [...(bySection.get(key) ?? []), ...t.includes]);
    }
  }
  return bySection;
}
