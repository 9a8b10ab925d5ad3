import { CodeSystemId } from '../../domain/code-system-id';
import { CategoryKind } from '../../domain/code';
import type { CategoryRecord, CodeRecord, ImportBundle, ModifierRecord } from '../records';
import { FileFormatError } from './file-format-error';
import { fileNames } from './fiscal-year';
import { HCPCS_SECTIONS } from './hcpcs-sections';
import { readHcpcs } from './hcpcs.parser';
import { emptyBundle, type ReferenceData } from './reference-data';
import { versionFromName } from './release-files';

/**
 * Reads the HCPCS Level II alpha-numeric file (the CMS sheet as CSV): codes with long and short
 * descriptions, coverage code and dates, and the Level II modifiers. Codes are filed in letter
 * sections. A code whose termination date falls before the quarter starts is kept but not billable.
 */
export async function readHcpcsRelease(file: string, reference: ReferenceData): Promise<{ bundle: ImportBundle }> {
  const version = versionFromName(file);
  if (!version) throw new FileFormatError(file, 1, 'expected the year and month in the file name (HCPC2025_OCT_ANWEB.csv)');
  const effectiveFrom = `${version}-01`;
  const codes: CodeRecord[] = [];
  const modifiers: ModifierRecord[] = [];
  const letters = new Set<string>();
  await readHcpcs(file, (r) => {
    const properties = {
      coverageCode: r.coverageCode,
      addedDate: r.addedDate,
      effectiveDate: r.effectiveDate,
      terminationDate: r.terminationDate,
      actionCode: r.actionCode,
      betosCode: r.betosCode,
      crossReferences: r.crossReferences.length > 0 ? r.crossReferences : null,
    };
    if (r.kind === 'modifier') {
      modifiers.push({ code: r.code, display: r.longDescription, shortDisplay: r.shortDescription, properties });
      return;
    }
    letters.add(r.code[0]);
    const billable = r.terminationDate === null || r.terminationDate >= effectiveFrom;
    codes.push({ code: r.code, display: r.longDescription, shortDisplay: r.shortDescription, billable, properties });
  });
  const categories: CategoryRecord[] = [...letters].sort().map((letter) => ({
    system: CodeSystemId.HCPCS,
    kind: CategoryKind.SECTION,
    code: letter,
    title: HCPCS_SECTIONS[letter] ?? `HCPCS ${letter} codes`,
    parent: null,
    rangeStart: `${letter}0000`,
    rangeEnd: `${letter}9999`,
  }));
  const bundle = emptyBundle(reference);
  bundle.categories = categories;
  bundle.codeFiles = [
    {
      release: {
        system: CodeSystemId.HCPCS,
        version,
        effectiveFrom,
        effectiveTo: null,
        source: `CMS HCPCS Level II alpha-numeric file, ${version} quarterly update`,
      },
      codes,
      modifiers,
      releaseProperties: { files: fileNames(file) },
    },
  ];
  return { bundle };
}
