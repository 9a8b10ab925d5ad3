import type { SaxesTagPlain } from 'saxes';
import { CheckedXmlReader, readCheckedXml } from './checked-xml';

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
 * Reads the ICD-10-PCS definitions XML (`icd10pcs_definitions_YYYY.xml[.gz]`, about 300 KB) with the
 * checked-XML reader. Layout: `ICD10PCS.definitions` > `version`, `title`, `section@code`*;
 * then optionally `deviceAggregation` (checked, not kept); `section` > `title`, `axis@pos`*; `axis` > `title`, `terms`*;
 * `terms` > `title`+, optional `definition` and `explanation`, `includes`*. Text is
 * whitespace-collapsed. Anything else (an unknown element, a term with no title, malformed XML)
 * rejects with a {@link FileFormatError} naming the line.
 */
export async function readPcsDefinitions(file: string): Promise<PcsDefinitions> {
  const reader = new PcsDefinitionsReader(file);
  await readCheckedXml(file, reader.xml);
  return reader.finish();
}

/** The open section, axis and term, filled element by element. */
class PcsDefinitionsReader {
  readonly xml: CheckedXmlReader;
  private readonly terms: PcsDefinitionTerm[] = [];
  private version: string | null = null;
  private section: string | null = null;
  private axis: { pos: number; title: string } | null = null;
  private term: PcsDefinitionTerm | null = null;

  constructor(file: string) {
    const termText = (set: (term: PcsDefinitionTerm, text: string) => void, name: string) => (text: string, parent: string) =>
      this.termText(name, text, parent, set);
    this.xml = new CheckedXmlReader({
      file,
      grammar: CHILDREN,
      notWellFormed: (message) => `not well-formed XML: ${message}`,
      handlers: {
        version: {
          close: (text, parent) => {
            if (parent === 'ICD10PCS.definitions') this.version = text;
          },
        },
        section: { open: (tag) => this.openSection(tag), close: () => (this.section = null) },
        axis: { open: (tag) => this.openAxis(tag), close: () => (this.axis = null) },
        terms: { open: () => this.openTerms(), close: () => this.closeTerms() },
        title: { close: (text, parent) => this.closeTitle(text, parent) },
        definition: { close: termText((t, text) => (t.definition = text), 'definition') },
        explanation: { close: termText((t, text) => (t.explanation = text), 'explanation') },
        includes: { close: termText((t, text) => t.includes.push(text), 'includes') },
      },
    });
  }

  finish(): PcsDefinitions {
    if (!this.version) throw this.xml.fail('expected a <version> element in <ICD10PCS.definitions>', 1);
    return { version: this.version, terms: this.terms };
  }

  private openSection(tag: SaxesTagPlain): void {
    const code = tag.attributes.code ?? '';
    if (!/^[0-9A-HJ-NP-Z]$/.test(code)) throw this.xml.fail(`expected <section code> to be one PCS character, found ${JSON.stringify(code)}`);
    this.section = code;
  }

  private openAxis(tag: SaxesTagPlain): void {
    const pos = tag.attributes.pos ?? '';
    if (!/^[2-7]$/.test(pos)) throw this.xml.fail(`expected <axis pos> from 2 to 7, found ${JSON.stringify(pos)}`);
    this.axis = { pos: Number(pos), title: '' };
  }

  private openTerms(): void {
    const { section, axis } = this;
    if (section === null || axis === null) throw new Error('<terms> outside an axis: the grammar refuses it, cannot happen');
    this.term = { section, axis: axis.pos, axisTitle: axis.title, titles: [], definition: null, explanation: null, includes: [], line: this.xml.line };
  }

  /** An axis's title names the axis; a term's title is one of its values; other titles are ignored. */
  private closeTitle(text: string, parent: string): void {
    if (parent === 'axis' && this.axis) this.axis.title = text;
    else this.termText('title', text, parent, (term) => term.titles.push(text));
  }

  /** A text element of the open `terms` (ignored elsewhere): it must not be empty. */
  private termText(name: string, text: string, parent: string, set: (term: PcsDefinitionTerm, text: string) => void): void {
    const term = this.term;
    if (term === null || parent !== 'terms') return;
    if (text.length === 0) throw this.xml.fail(`expected text inside <${name}>`);
    set(term, text);
  }

  private closeTerms(): void {
    const term = this.term;
    if (term === null) return;
    if (term.titles.length === 0) throw this.xml.fail('expected at least one <title> in <terms>', term.line);
    this.terms.push(term);
    this.term = null;
  }
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
