import path from 'node:path';
import { CodeSystemId } from '../../common/code-system-id';
import { CategoryKind } from '../../modules/code/category-kind.enum';
import type { AddendaRecord, CategoryRecord, CodeRecord, ImportBundle } from '../records';
import { readAddenda } from './addenda.parser';
import { FileFormatError } from './file-format-error';
import { readPcsCodes } from './icd10pcs-codes.parser';
import { readPcsTables, type PcsTable } from './icd10pcs-tables.parser';
import type { Unresolved } from './icd10cm.source';
import { emptyBundle, type ReferenceData } from './reference-data';
import { versionFromName } from './release-files';

export interface Icd10pcsFiles {
  codes: string;
  tables?: string;
  addenda?: string;
}

/** The labels of characters 4-7 of a code, from the row of its table that defines it. */
function axisLabels(table: PcsTable | undefined, code: string): Record<string, string | null> {
  for (const row of table?.rows ?? []) {
    const bodyPart = row.bodyPart.find((v) => v.code === code[3]);
    const approach = row.approach.find((v) => v.code === code[4]);
    const device = row.device.find((v) => v.code === code[5]);
    const qualifier = row.qualifier.find((v) => v.code === code[6]);
    if (bodyPart && approach && device && qualifier) {
      return { pcsBodyPart: bodyPart.label, pcsApproach: approach.label, pcsDevice: device.label, pcsQualifier: qualifier.label };
    }
  }
  return { pcsBodyPart: null, pcsApproach: null, pcsDevice: null, pcsQualifier: null };
}

/**
 * Reads the ICD-10-PCS codes file (the node set, with long titles), the tables XML (section > body
 * system > root operation categories, operation definitions, and each code's axis labels) and the
 * addenda. Codes that no table defines are counted in `unresolved`.
 */
export async function readIcd10pcs(files: Icd10pcsFiles, reference: ReferenceData): Promise<{ bundle: ImportBundle; unresolved: Unresolved }> {
  const version = versionFromName(files.codes);
  if (!version) throw new FileFormatError(files.codes, 1, 'expected the fiscal year in the file name (icd10pcs_codes_2026.txt)');
  const tables = new Map<string, PcsTable>();
  const categories = new Map<string, CategoryRecord>();
  let tablesVersion: string | null = null;
  if (files.tables) {
    const summary = await readPcsTables(files.tables, (table) => {
      tables.set(table.prefix, table);
      const [s, b] = [table.prefix.slice(0, 1), table.prefix.slice(0, 2)];
      const category = (code: string, kind: CategoryKind, title: string, parent: string | null, properties = {}) => {
        if (!categories.has(code)) categories.set(code, { system: CodeSystemId.ICD10PCS, kind, code, title, parent, rangeStart: null, rangeEnd: null, properties });
      };
      category(s, CategoryKind.SECTION, table.section.label, null);
      category(b, CategoryKind.BODY_SYSTEM, table.bodySystem.label, s);
      category(table.prefix, CategoryKind.ROOT_OPERATION, table.operation.label, b, { definition: table.operation.definition });
    });
    tablesVersion = summary.version;
  }
  const unresolved: Unresolved = {};
  const codes: CodeRecord[] = [];
  const known = new Set<string>();
  await readPcsCodes(files.codes, ({ code, title }) => {
    known.add(code);
    const table = tables.get(code.slice(0, 3));
    if (files.tables && !table) unresolved['PCS codes in no table'] = (unresolved['PCS codes in no table'] ?? 0) + 1;
    codes.push({ code, display: title, shortDisplay: null, billable: true, properties: files.tables ? axisLabels(table, code) : undefined });
  });

  let addenda: AddendaRecord | undefined;
  if (files.addenda) {
    addenda = { previousVersion: String(Number(version) - 1), added: [], deleted: [], revised: [] };
    for (const change of await readAddenda(files.addenda)) {
      if (change.kind === 'deleted') addenda.deleted.push({ code: change.code, title: change.title });
      else if (!known.has(change.code)) unresolved['addenda lines naming codes not in the codes file'] = (unresolved['addenda lines naming codes not in the codes file'] ?? 0) + 1;
      else if (change.kind === 'revised') addenda.revised.push({ code: change.code, from: change.from, to: change.to });
      else addenda.added.push(change.code);
    }
  }

  const bundle = emptyBundle(reference);
  bundle.categories = [...categories.values()];
  bundle.codeFiles = [
    {
      release: {
        system: CodeSystemId.ICD10PCS,
        version,
        effectiveFrom: `${Number(version) - 1}-10-01`,
        effectiveTo: `${version}-09-30`,
        source: `CMS ICD-10-PCS FY${version} codes file`,
      },
      codes,
      addenda,
      releaseProperties: {
        files: [files.codes, files.tables, files.addenda].filter((f): f is string => !!f).map((f) => path.basename(f)),
        tablesVersion,
      },
    },
  ];
  return { bundle, unresolved };
}
