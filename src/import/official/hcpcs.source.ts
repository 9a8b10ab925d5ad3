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
 * Reads the HCPCS Level II alpha-numeric file (the CMS workbook, its zip, or the sheet as CSV: see
 * readHcpcs): codes with long and short
 * descriptions, coverage code and dates, and the Level II modifiers. Codes are filed in letter
 * sections. A code whose termination date falls before the quarter starts is kept but not billable.
 */
export async function readHcpcsRelease(file: string, reference: ReferenceData): Promise<{ bundle: ImportBundle }> {
  const codes: CodeRecord[] = [];
  /** TERM DT of each code: a code terminated before the quarter starts is not billable. */
  const terminations: Array<string | null> = [];
  const modifiers: ModifierRecord[] = [];
  const letters = new Set<string>();
  const { read } = await readHcpcs(file, (r) => {
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
    codes.push({ code: r.code, display: r.longDescription, shortDisplay: r.shortDescription, billable: true, properties });
    terminations.push(r.terminationDate);
  });
  // The workbook's own name carries the quarter (a zip's member, whatever the zip is called).
  const version = versionFromName(read.split('!').pop()!);
  if (!version) throw new FileFormatError(read, 1, 'expected the year and month in the file name (HCPC2025_OCT_ANWEB.xlsx)');
  const effectiveFrom = `${version}-01`;
  codes.forEach((code, i) => (code.billable = terminations[i] === null || terminations[i] >= effectiveFrom));
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
      releaseProperties: { files: fileNames(read) },
    },
  ];
  return { bundle };
}
