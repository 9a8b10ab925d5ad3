import { CodeSystemId } from '../../domain/code-system-id';
import { CategoryKind } from '../../domain/code';
import type { CategoryRecord, CodeRecord, ImportBundle } from '../records';
import { countUnresolved, readAddendaRecord, type Unresolved } from './addenda-record';
import { FileFormatError } from './file-format-error';
import { fileNames, fiscalYearRelease } from './fiscal-year';
import { readPcsCodes } from './icd10pcs-codes.parser';
import { bodyPartTerms, readPcsDefinitions } from './icd10pcs-definitions.parser';
import { readPcsTables, type PcsTable } from './icd10pcs-tables.parser';
import { emptyBundle, type ReferenceData } from './reference-data';
import { versionFromName } from './release-files';

export interface Icd10pcsFiles {
  codes: string;
  tables?: string;
  addenda?: string;
  /** icd10pcs_definitions_YYYY.xml: each code gets the terms the definitions send to its body part (`pcsBodyPartTerms`, searched). */
  definitions?: string;
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
        if (!categories.has(code))
          categories.set(code, { system: CodeSystemId.ICD10PCS, kind, code, title, parent, rangeStart: null, rangeEnd: null, properties });
      };
      category(s, CategoryKind.SECTION, table.section.label, null);
      category(b, CategoryKind.BODY_SYSTEM, table.bodySystem.label, s);
      category(table.prefix, CategoryKind.ROOT_OPERATION, table.operation.label, b, { definition: table.operation.definition });
    });
    tablesVersion = summary.version;
  }
  const definitions = files.definitions ? await readPcsDefinitions(files.definitions) : null;
  const partTerms = definitions ? bodyPartTerms(definitions) : null;
  const unresolved: Unresolved = {};
  const codes: CodeRecord[] = [];
  const known = new Set<string>();
  await readPcsCodes(files.codes, ({ code, title }) => {
    known.add(code);
    const table = tables.get(code.slice(0, 3));
    if (files.tables && !table) countUnresolved(unresolved, 'PCS codes in no table');
    const labels = files.tables ? axisLabels(table, code) : undefined;
    const terms = partTerms && labels?.pcsBodyPart ? partTerms.get(`${code[0]}:${labels.pcsBodyPart}`) : undefined;
    const properties = partTerms ? { ...labels, pcsBodyPartTerms: terms?.length ? terms : null } : labels;
    codes.push({ code, display: title, shortDisplay: null, billable: true, properties });
  });

  const addenda = files.addenda ? await readAddendaRecord(files.addenda, version, known, unresolved) : undefined;

  const bundle = emptyBundle(reference);
  bundle.categories = [...categories.values()];
  bundle.codeFiles = [
    {
      release: fiscalYearRelease(CodeSystemId.ICD10PCS, version, `CMS ICD-10-PCS FY${version} codes file`),
      codes,
      addenda,
      releaseProperties: {
        files: fileNames(files.codes, files.tables, files.addenda, files.definitions),
        tablesVersion,
        definitionsVersion: definitions?.version ?? null,
      },
    },
  ];
  return { bundle, unresolved };
}
