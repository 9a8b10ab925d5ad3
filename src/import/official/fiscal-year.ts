import path from 'node:path';
import type { CodeSystemId } from '../../domain/code-system-id';
import type { ReleaseRecord } from '../records';

/** ICD-10-CM and ICD-10-PCS fiscal year YYYY runs from 1 October of YYYY-1 to 30 September of YYYY. */
export function fiscalYearRelease(system: CodeSystemId, version: string, source: string): ReleaseRecord {
  return { system, version, effectiveFrom: `${Number(version) - 1}-10-01`, effectiveTo: `${version}-09-30`, source };
}

/** The names (without folders) of the files a release was read from, for its `files` property. */
export function fileNames(...files: Array<string | undefined>): string[] {
  return files.filter((f): f is string => !!f).map((f) => path.basename(f));
}
