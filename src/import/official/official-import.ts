import type { CypherExecutor } from '../../neo4j/executor';
import { checkBundle } from '../check-bundle';
import { ImportError, mergeSummaries, runImport, type ImportSummary } from '../import-runner';
import type { ProgressListener } from '../import.repository';
import type { ImportBundle } from '../records';
import { readCptRelease } from './cpt.source';
import { readHcpcsRelease } from './hcpcs.source';
import type { Unresolved } from './addenda-record';
import { readIcd10cm } from './icd10cm.source';
import { readIcd10pcs } from './icd10pcs.source';
import { readReferenceData, type ReferenceData } from './reference-data';
import type { ReleaseFiles } from './release-files';
import { readNcdPolicies, type NcdPolicies } from '../ncd/ncd-policies';
import { importPolicies, type NcdLabFiles } from '../ncd/policy-import';
import { gemFilesOf } from '../gems/gem-files';
import { importGems, readGems } from '../gems/gem-import';

export interface OfficialImportOptions {
  /** The CPT year of a licensed descriptor file. */
  cptVersion?: string;
  onProgress?: ProgressListener;
  /** Told when a file has been read and checked. */
  onRead?: (what: string, millis: number) => void;
}

interface SystemPart {
  name: string;
  read: (reference: ReferenceData) => Promise<{ bundle: ImportBundle; unresolved?: Unresolved }>;
}

/** The systems the given files make up, each read by its own source. */
function partsOf(files: ReleaseFiles, options: OfficialImportOptions): SystemPart[] {
  const parts: SystemPart[] = [];
  const needs = (kind: string, file: string | undefined, partOf: string) => {
    if (file) throw new ImportError(`${kind} ${file} needs the ${partOf} (it only adds to those codes)`);
  };
  if (files.icd10cmOrder)
    parts.push({
      name: 'ICD-10-CM',
      read: (r) =>
        readIcd10cm({ order: files.icd10cmOrder!, tabular: files.icd10cmTabular, addenda: files.icd10cmAddenda, orderAddenda: files.icd10cmOrderAddenda }, r),
    });
  else {
    needs('the ICD-10-CM tabular XML', files.icd10cmTabular, 'ICD-10-CM order file');
    needs('the ICD-10-CM addenda', files.icd10cmAddenda, 'ICD-10-CM order file');
    needs('the ICD-10-CM order-file addenda', files.icd10cmOrderAddenda, 'ICD-10-CM order file');
  }
  if (files.icd10pcsCodes)
    parts.push({
      name: 'ICD-10-PCS',
      read: (r) =>
        readIcd10pcs({ codes: files.icd10pcsCodes!, tables: files.icd10pcsTables, addenda: files.icd10pcsAddenda, definitions: files.icd10pcsDefinitions }, r),
    });
  else {
    needs('the ICD-10-PCS tables XML', files.icd10pcsTables, 'ICD-10-PCS codes file');
    needs('the ICD-10-PCS addenda', files.icd10pcsAddenda, 'ICD-10-PCS codes file');
    needs('the ICD-10-PCS definitions XML', files.icd10pcsDefinitions, 'ICD-10-PCS codes file');
  }
  if (files.hcpcs) parts.push({ name: 'HCPCS', read: (r) => readHcpcsRelease(files.hcpcs!, r) });
  if (files.cptDescriptors) {
    if (!options.cptVersion) throw new ImportError('a CPT descriptor file needs --cpt-version (the CPT year, e.g. 2026)');
    parts.push({ name: 'CPT', read: (r) => readCptRelease(files.cptDescriptors!, options.cptVersion!, r) });
  }
  return parts;
}

/** Both sides of the NCD lab list (CMS's spreadsheet holds both), or null when none is given (one CSV alone is an error). */
function ncdFilesOf(files: ReleaseFiles): NcdLabFiles | null {
  const sheet = files.ncdLabSpreadsheet;
  if (sheet) {
    const csv = files.ncdLabProcedures ?? files.ncdLabDiagnoses;
    if (csv) throw new ImportError(`the NCD lab list is read from CMS's spreadsheet ${sheet} or from the two CSVs, not both; got also ${csv}`);
    return { procedures: sheet, diagnoses: sheet };
  }
  if (!files.ncdLabProcedures && !files.ncdLabDiagnoses) return null;
  if (!files.ncdLabProcedures || !files.ncdLabDiagnoses) {
    throw new ImportError(
      `the NCD lab list needs both files: the CPT/HCPCS side (ncd_lab_cpt_hcpcs_*.csv) and the ICD-10-CM side (ncd_lab_icd10cm_*.csv[.gz]), or CMS's spreadsheet (*-NCD-Spreadsheet-*.xlsx); got only ${files.ncdLabProcedures ?? files.ncdLabDiagnoses}`,
    );
  }
  return { procedures: files.ncdLabProcedures, diagnoses: files.ncdLabDiagnoses };
}

/**
 * Loads official release files. Every file is read and checked first, so a malformed file stops the
 * import before anything is written; then each system is read again and written on its own (only
 * one system's records are in memory at a time), then the NCD policies, then the GEMs. Each release
 * (and each policy and GEM crosswalk) becomes visible only once all of its batches are committed.
 */
export async function runOfficialImport(executor: CypherExecutor, files: ReleaseFiles, options: OfficialImportOptions = {}): Promise<ImportSummary> {
  const parts = partsOf(files, options);
  const ncd = ncdFilesOf(files);
  const gems = gemFilesOf(files);
  if (parts.length === 0 && !ncd && gems.length === 0) throw new ImportError('no official release file given: pass --dir or at least one file option');
  let policies: NcdPolicies | null = null;
  if (ncd) {
    const began = performance.now();
    policies = await readNcdPolicies(ncd);
    options.onRead?.('NCD lab policies checked', performance.now() - began);
  }
  // Checked now and kept for the write after the code systems (a few hundred thousand small entries), so the files are read once.
  const checkedGems = await readGems(gems, options.onRead);
  const reference = readReferenceData();
  for (const part of parts) {
    const began = performance.now();
    const { bundle } = await part.read(reference);
    const problems = checkBundle(bundle);
    if (problems.length > 0)
      throw new ImportError(`${part.name}: import refused, nothing was written: ${problems.length} problem(s):\n  ${problems.slice(0, 20).join('\n  ')}`);
    options.onRead?.(`${part.name} checked`, performance.now() - began);
  }
  const summaries: ImportSummary[] = [];
  for (const part of parts) {
    const { bundle, unresolved } = await part.read(reference);
    summaries.push(await runImport(executor, bundle, { onProgress: options.onProgress, unresolved }));
  }
  // Policies last: their entries expand against the codes just loaded.
  if (ncd && policies) summaries.push(await importPolicies(executor, policies, ncd, { onProgress: options.onProgress }));
  // The GEMs after the code systems too: an ICD-10 code they name that no loaded release holds becomes a retired reference.
  if (gems.length > 0)
    summaries.push(await importGems(executor, checkedGems, { origin: 'official', onProgress: options.onProgress, referenceWritten: parts.length > 0 }));
  return mergeSummaries(summaries);
}
