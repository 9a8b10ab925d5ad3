import { CodeSystemId } from '../../domain/code-system-id';
import type { CodeRecord, ImportBundle } from '../records';
import { readCptDescriptors } from './cpt-descriptors.parser';
import { fileNames } from './fiscal-year';
import { emptyBundle, type ReferenceData } from './reference-data';

/**
 * Reads a licensed AMA CPT descriptor file (code TAB descriptor). The text is AMA copyright: it is
 * loaded into the user's own graph and never kept in this repository. Codes are filed in the CPT
 * sections of the reference data (code ranges are facts).
 */
export async function readCptRelease(file: string, version: string, reference: ReferenceData): Promise<{ bundle: ImportBundle }> {
  if (!/^\d{4}$/.test(version)) throw new Error(`--cpt-version ${JSON.stringify(version)} is not valid: expected the CPT year, e.g. 2026`);
  const codes: CodeRecord[] = [];
  await readCptDescriptors(file, ({ code, descriptor }) => {
    codes.push({ code, display: descriptor, shortDisplay: null, billable: true, properties: { licensedDescriptor: true } });
  });
  const bundle = emptyBundle(reference);
  bundle.categories = reference.categories.filter((c) => c.system === CodeSystemId.CPT);
  bundle.codeFiles = [
    {
      release: {
        system: CodeSystemId.CPT,
        version,
        effectiveFrom: `${version}-01-01`,
        effectiveTo: `${version}-12-31`,
        source: `AMA CPT ${version} licensed descriptor file`,
      },
      codes,
      releaseProperties: { files: fileNames(file) },
    },
  ];
  return { bundle };
}
