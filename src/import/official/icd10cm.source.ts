import { CodeSystemId } from '../../domain/code-system-id';
import { CategoryKind } from '../../domain/code';
import type { CategoryRecord, CodeProperties, CodeRecord, ImportBundle, NoteRecord } from '../records';
import { countUnresolved, readAddendaRecord, type Unresolved } from './addenda-record';
import { FileFormatError } from './file-format-error';
import { fileNames, fiscalYearRelease } from './fiscal-year';
import { readOrderFile } from './icd10cm-order.parser';
import { readTabular, type TabularEntry } from './icd10cm-tabular.parser';
import { CategoryIndex, parentsByPrefix } from '../hierarchy';
import { createTargetIndex, resolveNote } from './note-references';
import { emptyBundle, type ReferenceData } from './reference-data';
import { versionFromName } from './release-files';

export interface Icd10cmFiles {
  order: string;
  tabular?: string;
  addenda?: string;
  /** The order-file addenda: read instead of the codes addenda when present, since it also holds the headers' changes. */
  orderAddenda?: string;
}

function listOrNull(values: string[]): string[] | null {
  return values.length > 0 ? values : null;
}

/** Tabular text kept on the code node; every key is always sent, so a later import can clear it. */
function tabularProperties(entry: TabularEntry | undefined): CodeProperties {
  return {
    includes: listOrNull(entry?.includes ?? []),
    inclusionTerms: listOrNull(entry?.inclusionTerms ?? []),
    tabularNotes: listOrNull(entry?.otherNotes ?? []),
    sevenCharacterNote: entry?.sevenCharacterNote ?? null,
    sevenCharacterValues: listOrNull(entry?.sevenCharacterDefinitions.map((d) => d.character) ?? []),
    sevenCharacterTexts: listOrNull(entry?.sevenCharacterDefinitions.map((d) => d.text) ?? []),
  };
}

/**
 * Reads the ICD-10-CM order file (codes, titles, billable flags: the node set), the tabular XML
 * (chapters and blocks, instructional notes, includes, 7th characters; may be an older fiscal year)
 * and the codes addenda, and turns them into one bundle. Notes attach only where their code exists
 * in the order file; a note that names no code keeps its text, and every reference in a note that
 * names nothing of the release is counted in `unresolved`.
 */
export async function readIcd10cm(files: Icd10cmFiles, reference: ReferenceData): Promise<{ bundle: ImportBundle; unresolved: Unresolved }> {
  const version = versionFromName(files.order);
  if (!version) throw new FileFormatError(files.order, 1, 'expected the fiscal year in the file name (icd10cm_order_2026.txt)');
  const codes: CodeRecord[] = [];
  const known = new Set<string>();
  await readOrderFile(files.order, (r) => {
    codes.push({ code: r.code, display: r.longTitle, shortDisplay: r.shortTitle, billable: r.billable, properties: { sequence: r.order } });
    known.add(r.code);
  });

  const unresolved: Unresolved = {};
  const chapters: TabularEntry[] = [];
  const sections: TabularEntry[] = [];
  const diags = new Map<string, TabularEntry>();
  let tabularVersion: string | null = null;
  if (files.tabular) {
    const summary = await readTabular(files.tabular, (entry) => {
      if (entry.level === 'chapter') chapters.push(entry);
      else if (entry.level === 'section') sections.push(entry);
      else diags.set(entry.key.replace('.', ''), entry);
    });
    tabularVersion = summary.version;
  }

  const categories: CategoryRecord[] = [
    ...chapters.map((c) => ({
      system: CodeSystemId.ICD10CM,
      kind: CategoryKind.CHAPTER,
      code: c.key,
      title: c.title,
      parent: null,
      rangeStart: c.rangeStart,
      rangeEnd: c.rangeEnd,
      properties: { includes: listOrNull(c.includes), tabularNotes: listOrNull(c.otherNotes) },
    })),
    ...sections.map((s) => ({
      system: CodeSystemId.ICD10CM,
      kind: CategoryKind.BLOCK,
      code: s.key,
      title: s.title,
      parent: s.chapter,
      rangeStart: s.rangeStart,
      rangeEnd: s.rangeEnd,
      properties: { includes: listOrNull(s.includes), tabularNotes: listOrNull(s.otherNotes) },
    })),
  ];

  // The tabular list files each 3-character category in its block; new categories go by range.
  const categoryOf = new Map<string, string>();
  for (const [code, entry] of diags) if (code.length === 3 && entry.section) categoryOf.set(code, entry.section);
  // A category no block range covers (FY2026's QA0 sorts after Q99) joins the block of the
  // category before it in tabular order.
  if (categories.length > 0) {
    const ranges = new CategoryIndex(categories);
    let previous: string | null = null;
    for (const { code } of codes) {
      if (code.length !== 3) continue;
      const block = categoryOf.get(code) ?? ranges.categoryOf(CodeSystemId.ICD10CM, code)?.code ?? null;
      if (block === null && previous !== null) {
        categoryOf.set(code, previous);
        countUnresolved(unresolved, 'categories in no block range, placed by tabular order (e.g. QA0)');
      }
      previous = block ?? previous;
    }
  }

  for (const record of codes) {
    const entry = diags.get(record.code);
    if (files.tabular) record.properties = { ...record.properties, ...tabularProperties(entry) };
  }
  if (files.tabular) {
    // 7-character codes are not tabular entries: the list defines them on an ancestor (sevenChrDef).
    const parents = parentsByPrefix(known);
    const missing = [...known].filter((c) => !diags.has(c) && !(c.length === 7 && diags.has(parents.get(c) ?? ''))).length;
    countUnresolved(unresolved, `order-file codes the FY${tabularVersion} tabular list lacks (their notes are unknown)`, missing);
  }

  const index = createTargetIndex(
    known,
    sections.map((s) => ({ id: s.key, rangeStart: s.rangeStart ?? '', rangeEnd: s.rangeEnd ?? '' })),
    chapters.map((c) => ({ name: c.key, rangeStart: c.rangeStart ?? '', rangeEnd: c.rangeEnd ?? '' })),
  );
  const notes: NoteRecord[] = [];
  const addNotes = (entry: TabularEntry, from: string, fromCategory: boolean) => {
    for (const note of entry.notes) {
      const resolved = resolveNote(note.text, index);
      countUnresolved(unresolved, 'note references that name no FY code or category', resolved.unresolved.length);
      const targets = resolved.targets.flatMap((t) => (t.kind === 'code' ? [t.code] : []));
      const targetCategories = resolved.targets.flatMap((t) => (t.kind === 'category' ? [t.id] : []));
      // A note that names no FY code or category keeps its text (written as a note with no code target).
      notes.push({ system: CodeSystemId.ICD10CM, from, fromCategory, kind: note.kind, text: note.text, targets, targetCategories });
    }
  };
  for (const entry of [...chapters, ...sections]) addNotes(entry, entry.key, true);
  for (const [code, entry] of diags) {
    if (known.has(code)) addNotes(entry, code, false);
    else countUnresolved(unresolved, 'notes on tabular codes that are not in the order file', entry.notes.length);
  }

  const addendaFile = files.orderAddenda ?? files.addenda;
  const addenda = addendaFile ? await readAddendaRecord(addendaFile, version, known, unresolved, files.orderAddenda ? 'order' : 'codes') : undefined;

  const bundle = emptyBundle(reference);
  bundle.categories = categories;
  bundle.notes = notes;
  bundle.codeFiles = [
    {
      release: fiscalYearRelease(CodeSystemId.ICD10CM, version, `CMS/CDC NCHS ICD-10-CM FY${version} code descriptions in tabular order`),
      codes,
      addenda,
      categoryOf,
      releaseProperties: {
        files: fileNames(files.order, files.tabular, addendaFile),
        tabularVersion,
      },
    },
  ];
  return { bundle, unresolved };
}
