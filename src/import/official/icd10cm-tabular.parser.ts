import type { SaxesTagPlain } from 'saxes';
import { CheckedXmlReader, readCheckedXml, withoutPosition, type XmlElementHandler, type XmlGrammar } from './checked-xml';
import type { FileFormatError } from './file-format-error';

/**
 * Streaming reader of the official ICD-10-CM Tabular List XML (CMS/NCHS `icd10cm_tabular_YYYY.xml`,
 * plain or .gz). The file is parsed with saxes event by event; no DOM is built, only the stack of
 * open chapter/section/diag entries is held in memory.
 *
 * Layout: `ICD10CM.tabular` > `version`, `introduction`, `chapter`* ; `chapter` > `name`, `desc`,
 * note elements, `sectionIndex` > `sectionRef@first@last@id`, `section@id`* ; `section` > `desc`,
 * note elements, `diag`* ; `diag` > `name`, `desc`, note elements, `diag`*.
 *
 * Note elements (each holding `note` children): `includes`, `inclusionTerm`, `excludes1`,
 * `excludes2`, `codeFirst`, `useAdditionalCode`, `codeAlso`, `notes`, `sevenChrNote`, and
 * `sevenChrDef` (holding `extension@char` children).
 *
 * Deliberately ignored (read past, not returned):
 * - `introduction` and everything in it (`introSection@type`, `title`, `instruction`, `note`): the
 *   general "Instructional Notations" preface, not attached to any code.
 * - `sectionRef` text (the section title, which the `section`'s own `desc` repeats); its attributes
 *   are used to cross-check the ranges.
 * - `visualImpairment` and its subtree (`visCategory`, `visRange`, `visMax`, `visMin`, `heading`,
 *   `value`): the WHO visual-impairment table printed under H54; table data, not notes or codes.
 * - `note` inside `sevenChrDef` (8 in FY2023: H34.81, H34.83, H35.31, H35.32, S52, S72, S82, W08):
 *   an inclusion term of the preceding `extension` ("initial encounter for open fracture NOS"
 *   under B); `SevenCharacterDefinition` has no place for it.
 * - the `placeholder="true"` attribute of `diag` (244 in FY2023, e.g. H21.1X): the key already
 *   shows the placeholder X.
 * Any other element, an element in an unexpected place, or non-blank text outside `name`, `desc`,
 * `note`, `extension`, `version` and `sectionRef` is a FileFormatError, so that a changed layout
 * stops the import instead of silently losing content.
 *
 * Checks (FileFormatError with the line): root element, required `name`/`desc`/`section@id`/
 * `extension@char`, diag names of the form "A00" / "A00.0" in the same 3-character category as
 * the enclosing diag (not a full prefix check: FY2023 nests H54.512A under H54.511), section ranges (id, desc "(X-Y)" and sectionRef must agree) lying inside the
 * chapter's range, and the chapter's desc range
 * agreeing with its sectionRefs: the first sectionRef starts at the desc range's start and every
 * sectionRef lies inside it. (The last sectionRef need not end at the desc range's end: FY2023
 * chapter 22 is described "(U00-U85)" but its only section is U00-U49.) A diag's category is NOT
 * checked against its section's range: categories with a letter third character sort by
 * character code after all digits but are placed by the classification among them (C4A sits in
 * section C43-C44, D3A, M1A, Z3A likewise), so ranges are not plain string intervals.
 */

export type TabularNoteKind = 'EXCLUDES1' | 'EXCLUDES2' | 'CODE_FIRST' | 'USE_ADDITIONAL' | 'CODE_ALSO';

/** One `<note>` of an excludes1/excludes2/codeFirst/useAdditionalCode/codeAlso element. */
export interface TabularNote {
  kind: TabularNoteKind;
  text: string;
}

/** One `<extension char="A">initial encounter</extension>` of a `sevenChrDef`. */
export interface SevenCharacterDefinition {
  character: string;
  text: string;
}

export interface TabularEntry {
  level: 'chapter' | 'section' | 'diag';
  /** chapter "4"; section "E08-E13" or "E36"; diag as written, with the dot: "E11.9" */
  key: string;
  /** desc text, trimmed; for chapters and sections WITHOUT the trailing " (E00-E89)" range */
  title: string;
  /** chapters and sections: first and last 3-character category ("E00","E89"; "E36","E36"); null for diags */
  rangeStart: string | null;
  rangeEnd: string | null;
  /** the enclosing chapter's name ("4"); for a chapter, its own name */
  chapter: string;
  /** enclosing section id; null for chapters; for a section its own id */
  section: string | null;
  /** for a diag: the enclosing diag's name, or null when directly under the section; null for chapters and sections */
  parent: string | null;
  /** excludes1/excludes2/codeFirst/useAdditionalCode/codeAlso notes, in document order */
  notes: TabularNote[];
  includes: string[];
  inclusionTerms: string[];
  /** the `<notes>` element's notes */
  otherNotes: string[];
  /** sevenChrNote texts joined with a space, or null */
  sevenCharacterNote: string | null;
  sevenCharacterDefinitions: SevenCharacterDefinition[];
  /** line of the opening tag */
  line: number;
}

export interface TabularSummary {
  /** the `<version>` text, e.g. "2023" */
  version: string;
  chapters: number;
  sections: number;
  diags: number;
  /** count of `<note>`s per kind over the whole file (chapters, sections and diags) */
  notesByKind: Record<TabularNoteKind, number>;
}

const NOTE_KIND_BY_ELEMENT: Readonly<Record<string, TabularNoteKind>> = {
  excludes1: 'EXCLUDES1',
  excludes2: 'EXCLUDES2',
  codeFirst: 'CODE_FIRST',
  useAdditionalCode: 'USE_ADDITIONAL',
  codeAlso: 'CODE_ALSO',
};

type NoteGroupName = string;
const NOTE_GROUPS: ReadonlySet<string> = new Set<NoteGroupName>([...Object.keys(NOTE_KIND_BY_ELEMENT), 'includes', 'inclusionTerm', 'notes', 'sevenChrNote']);

/** Elements whose whole subtree is read past; see the module comment. */
const IGNORED_SUBTREES: ReadonlySet<string> = new Set(['introduction', 'visualImpairment']);

const ROOT = 'ICD10CM.tabular';
const CATEGORY = '[A-Z][0-9][0-9A-Z]';
const DIAG_NAME = new RegExp(`^${CATEGORY}(?:\\.[0-9A-Z]{1,4})?$`);
const SECTION_ID = new RegExp(`^(${CATEGORY})(?:-(${CATEGORY}))?$`);
const TRAILING_RANGE = new RegExp(`\\s*\\((${CATEGORY})(?:-(${CATEGORY}))?\\)$`);

interface SectionRef {
  first: string;
  last: string;
  id: string;
  line: number;
}

/** An open chapter, section or diag, filled while its element is open. */
interface Builder {
  level: TabularEntry['level'];
  element: string;
  line: number;
  name: string | null;
  desc: string | null;
  /** section id (sections only) */
  id: string | null;
  chapter: Builder | null;
  section: Builder | null;
  parentDiag: Builder | null;
  rangeStart: string | null;
  rangeEnd: string | null;
  sectionRefs: SectionRef[];
  notes: TabularNote[];
  includes: string[];
  inclusionTerms: string[];
  otherNotes: string[];
  sevenChrNotes: string[];
  sevenChrDefs: SevenCharacterDefinition[];
}

/**
 * Reads the Tabular List `file` (plain or .gz) as a stream. Calls `onEntry` once per chapter,
 * section and diag, in document order of their closing tags (so a diag comes after its child
 * diags and a chapter after all its sections), as soon as the element closes. Resolves with the
 * counts; rejects with FileFormatError (naming the file and line) for XML that is not well formed
 * or does not fit the layout, and with whatever `onEntry` throws.
 */
export async function readTabular(file: string, onEntry: (entry: TabularEntry) => void): Promise<TabularSummary> {
  const reader = new TabularReader(file, onEntry);
  await readCheckedXml(file, reader.xml);
  return reader.finish();
}

/** Where each element may appear; `introduction`, `visualImpairment`, `sectionRef` and a `note`
 * inside `sevenChrDef` are read past by their handlers. */
const GRAMMAR: XmlGrammar = {
  '': [ROOT],
  [ROOT]: ['version', 'introduction', 'chapter'],
  chapter: ['name', 'desc', ...NOTE_GROUPS, 'sectionIndex', 'section'],
  section: ['desc', ...NOTE_GROUPS, 'diag'],
  diag: ['name', 'desc', ...NOTE_GROUPS, 'sevenChrDef', ...IGNORED_SUBTREES, 'diag'],
  ...Object.fromEntries([...NOTE_GROUPS].map((group) => [group, ['note']])),
  sevenChrDef: ['note', 'extension'],
  sectionIndex: ['sectionRef'],
};

class TabularReader {
  readonly xml: CheckedXmlReader;
  /** The open chapter, section and diags, innermost last. */
  private readonly builders: Builder[] = [];
  private extensionCharacter = '';
  private version: string | null = null;
  private readonly summary: Omit<TabularSummary, 'version'> = {
    chapters: 0,
    sections: 0,
    diags: 0,
    notesByKind: { EXCLUDES1: 0, EXCLUDES2: 0, CODE_FIRST: 0, USE_ADDITIONAL: 0, CODE_ALSO: 0 },
  };

  constructor(
    file: string,
    private readonly onEntry: (entry: TabularEntry) => void,
  ) {
    this.xml = new CheckedXmlReader({
      file,
      grammar: GRAMMAR,
      handlers: this.handlers(),
      notWellFormed: (message) => `XML is not well formed: ${withoutPosition(message)}`,
      misplaced: (name, parent) =>
        parent === ''
          ? this.fail(`root element is <${name}>, expected <${ROOT}>`, this.tagLine)
          : this.fail(`unexpected element <${name}> inside <${parent}>`, this.tagLine),
      textOnlyInLeaves: true,
      cdata: true,
    });
  }

  finish(): TabularSummary {
    if (this.summary.chapters === 0) throw this.fail(`no <chapter> in <${ROOT}>`);
    if (this.version === null) throw this.fail(`no <version> in <${ROOT}>`);
    return { version: this.version, ...this.summary };
  }

  private handlers(): Record<string, XmlElementHandler> {
    const skip = (): boolean => true;
    const entry = (open: (enclosing: Builder | null, tag: SaxesTagPlain) => Builder): XmlElementHandler => ({
      open: (tag) => this.builders.push(open(this.builders[this.builders.length - 1] ?? null, tag)),
      close: () => this.deliver(this.current),
    });
    return {
      version: { close: (text) => (this.version = text) },
      introduction: { skip },
      visualImpairment: { skip },
      chapter: entry(() => this.newBuilder('chapter', 'chapter', null)),
      section: entry((chapter, tag) => this.openSection(tag, this.requireBuilder(chapter))),
      diag: entry((enclosing) => this.openDiag(this.requireBuilder(enclosing))),
      name: { open: () => this.openName(), close: (text) => (this.current.name = text) },
      desc: { open: () => this.openDesc(), close: (text) => (this.current.desc = text) },
      note: {
        skip: (_tag, parent) => parent === 'sevenChrDef',
        close: (text, parent) => this.addNote(this.current, parent, text),
      },
      extension: {
        open: (tag) => this.openExtension(tag),
        close: (text) => this.current.sevenChrDefs.push({ character: this.extensionCharacter, text }),
      },
      sectionRef: {
        open: (tag) => this.current.sectionRefs.push(this.sectionRef(tag)),
        skip,
      },
    };
  }

  private fail(problem: string, line?: number): FileFormatError {
    return this.xml.fail(problem, line);
  }

  private get tagLine(): number {
    return this.xml.tagLine;
  }

  /** The innermost open chapter, section or diag (the grammar puts every other element in one). */
  private get current(): Builder {
    return this.requireBuilder(this.builders[this.builders.length - 1] ?? null);
  }

  private requireBuilder(builder: Builder | null): Builder {
    if (builder === null) throw new Error('element outside a chapter: the grammar refuses it, cannot happen');
    return builder;
  }

  private openName(): void {
    const builder = this.current;
    if (builder.name !== null) throw this.fail(`second <name> in <${builder.element}> "${builder.name}"`, this.tagLine);
  }

  private openDesc(): void {
    if (this.current.desc !== null) throw this.fail(`second <desc> in <${this.current.element}>`, this.tagLine);
  }

  private openExtension(tag: SaxesTagPlain): void {
    const character = tag.attributes.char;
    if (character === undefined || character.trim() === '') {
      throw this.fail('<extension> without a char attribute, expected e.g. <extension char="A">', this.tagLine);
    }
    this.extensionCharacter = character.trim();
  }

  private newBuilder(level: Builder['level'], element: string, enclosing: Builder | null): Builder {
    return {
      level,
      element,
      line: this.tagLine,
      name: null,
      desc: null,
      id: null,
      chapter: enclosing?.level === 'chapter' ? enclosing : (enclosing?.chapter ?? null),
      section: enclosing?.level === 'section' ? enclosing : (enclosing?.section ?? null),
      parentDiag: enclosing?.level === 'diag' ? enclosing : null,
      rangeStart: null,
      rangeEnd: null,
      sectionRefs: [],
      notes: [],
      includes: [],
      inclusionTerms: [],
      otherNotes: [],
      sevenChrNotes: [],
      sevenChrDefs: [],
    };
  }

  private sectionRef(tag: SaxesTagPlain): SectionRef {
    const { first, last, id } = tag.attributes;
    if (!first || !last || !id) {
      throw this.fail('<sectionRef> without first, last and id attributes, expected e.g. <sectionRef first="E08" last="E13" id="E08-E13">', this.tagLine);
    }
    return { first, last, id, line: this.tagLine };
  }

  private openSection(tag: SaxesTagPlain, chapter: Builder): Builder {
    if (chapter.name === null) throw this.fail("<section> before the chapter's <name>", this.tagLine);
    const id = tag.attributes.id;
    const match = id === undefined ? null : SECTION_ID.exec(id);
    if (id === undefined || match === null) {
      throw this.fail(
        `<section> id ${id === undefined ? 'missing' : `"${id}"`}, expected a category range like "E08-E13" or one category like "E36"`,
        this.tagLine,
      );
    }
    const builder = this.newBuilder('section', 'section', chapter);
    builder.id = id;
    builder.rangeStart = match[1];
    builder.rangeEnd = match[2] ?? match[1];
    const ref = chapter.sectionRefs.find((candidate) => candidate.id === id);
    if (ref && (ref.first !== builder.rangeStart || ref.last !== builder.rangeEnd)) {
      throw this.fail(`<section id="${id}"> does not match its sectionRef first="${ref.first}" last="${ref.last}" (line ${ref.line})`, this.tagLine);
    }
    const [start, end] = this.chapterRange(chapter);
    if (builder.rangeStart < start || builder.rangeEnd > end) {
      throw this.fail(`<section id="${id}"> lies outside chapter ${chapter.name}'s range ${start}-${end}`, this.tagLine);
    }
    return builder;
  }

  private openDiag(enclosing: Builder): Builder {
    if (enclosing.level === 'diag' && enclosing.name === null) {
      throw this.fail(`<diag> at line ${enclosing.line} has a child <diag> before its <name>`, this.tagLine);
    }
    return this.newBuilder('diag', 'diag', enclosing);
  }

  private addNote(owner: Builder, group: NoteGroupName, text: string): void {
    const kind = NOTE_KIND_BY_ELEMENT[group];
    if (kind !== undefined) {
      owner.notes.push({ kind, text });
      this.summary.notesByKind[kind]++;
    } else if (group === 'includes') owner.includes.push(text);
    else if (group === 'inclusionTerm') owner.inclusionTerms.push(text);
    else if (group === 'notes') owner.otherNotes.push(text);
    else owner.sevenChrNotes.push(text);
  }

  private deliver(builder: Builder): void {
    this.builders.pop();
    const entry = builder.level === 'chapter' ? this.chapterEntry(builder) : builder.level === 'section' ? this.sectionEntry(builder) : this.diagEntry(builder);
    if (builder.level === 'chapter') this.summary.chapters++;
    else if (builder.level === 'section') this.summary.sections++;
    else this.summary.diags++;
    this.onEntry(entry);
  }

  private requireDesc(builder: Builder, what: string): string {
    if (builder.desc === null || builder.desc === '') throw this.fail(`${what} without <desc>`, builder.line);
    return builder.desc;
  }

  /**
   * The chapter's range from its desc "(X-Y)", checked against its sectionRefs; computed once, when
   * its first section opens or when it closes (the desc and the sectionIndex come before sections).
   */
  private chapterRange(builder: Builder): [string, string] {
    if (builder.rangeStart !== null && builder.rangeEnd !== null) return [builder.rangeStart, builder.rangeEnd];
    const name = builder.name ?? '';
    const desc = this.requireDesc(builder, `<chapter> ${name}`);
    const range = TRAILING_RANGE.exec(desc);
    if (range === null || range[2] === undefined) {
      throw this.fail(`chapter ${name} desc "${desc}" does not end in a range like "(E00-E89)"`, builder.line);
    }
    const [start, end] = [range[1], range[2]];
    const refs = builder.sectionRefs;
    if (refs.length > 0 && refs[0].first !== start) {
      throw this.fail(`chapter ${name} range ${start}-${end} does not start where its first sectionRef does (${refs[0].first})`, refs[0].line);
    }
    const outside = refs.find((ref) => ref.first < start || ref.last > end);
    if (outside) throw this.fail(`chapter ${name} sectionRef ${outside.id} lies outside the chapter's range ${start}-${end}`, outside.line);
    builder.rangeStart = start;
    builder.rangeEnd = end;
    return [start, end];
  }

  private chapterEntry(builder: Builder): TabularEntry {
    const name = builder.name;
    if (name === null || name === '') throw this.fail('<chapter> without <name>', builder.line);
    this.chapterRange(builder);
    const desc = this.requireDesc(builder, `<chapter> ${name}`);
    return this.entry(builder, name, desc.replace(TRAILING_RANGE, ''), name, null, null);
  }

  private sectionEntry(builder: Builder): TabularEntry {
    const id = builder.id ?? '';
    const desc = this.requireDesc(builder, `<section id="${id}">`);
    const range = TRAILING_RANGE.exec(desc);
    if (range === null) throw this.fail(`section ${id} desc "${desc}" does not end in its range "(${id})"`, builder.line);
    if (range[1] !== builder.rangeStart || (range[2] ?? range[1]) !== builder.rangeEnd) {
      throw this.fail(`section ${id} desc range "(${range[0].trim().slice(1, -1)})" differs from its id "${id}"`, builder.line);
    }
    return this.entry(builder, id, desc.slice(0, range.index), this.chapterName(builder), id, null);
  }

  private diagEntry(builder: Builder): TabularEntry {
    const name = builder.name;
    if (name === null || name === '') throw this.fail('<diag> without <name>', builder.line);
    if (!DIAG_NAME.test(name)) throw this.fail(`diag name "${name}" is not a code like "E11" or "E11.9"`, builder.line);
    const desc = this.requireDesc(builder, `<diag> ${name}`);
    const section = builder.section;
    if (section === null || section.id === null) throw this.fail(`<diag> ${name} outside a <section>`, builder.line);
    const parent = builder.parentDiag?.name ?? null;
    if (parent !== null && name.slice(0, 3) !== parent.slice(0, 3)) {
      throw this.fail(`diag ${name} is nested under diag ${parent} of another category (${parent.slice(0, 3)})`, builder.line);
    }
    return this.entry(builder, name, desc, this.chapterName(builder), section.id, parent);
  }

  private chapterName(builder: Builder): string {
    const name = builder.chapter?.name;
    if (name === undefined || name === null) throw this.fail(`<${builder.element}> outside a named <chapter>`, builder.line);
    return name;
  }

  private entry(builder: Builder, key: string, title: string, chapter: string, section: string | null, parent: string | null): TabularEntry {
    return {
      level: builder.level,
      key,
      title,
      rangeStart: builder.rangeStart,
      rangeEnd: builder.rangeEnd,
      chapter,
      section,
      parent,
      notes: builder.notes,
      includes: builder.includes,
      inclusionTerms: builder.inclusionTerms,
      otherNotes: builder.otherNotes,
      sevenCharacterNote: builder.sevenChrNotes.length > 0 ? builder.sevenChrNotes.join(' ') : null,
      sevenCharacterDefinitions: builder.sevenChrDefs,
      line: builder.line,
    };
  }
}
