import { readSample } from '../sample-source';
import type { CategoryRecord, CodeSystemRecord, ImportBundle, OrganizationRecord } from '../records';

/**
 * The organizations and code systems every import writes first (facts about the systems, kept in
 * data/sample), so official files load into an empty graph.
 */
export interface ReferenceData {
  organizations: OrganizationRecord[];
  systems: CodeSystemRecord[];
  /** Sample categories (CPT sections by range, HCPCS letter sections) that official files do not define. */
  categories: CategoryRecord[];
}

export function readReferenceData(): ReferenceData {
  const sample = readSample();
  return { organizations: sample.organizations, systems: sample.systems, categories: sample.categories };
}

/** A bundle that holds only the reference data, ready for one system's categories and codes. */
export function emptyBundle(reference: ReferenceData): ImportBundle {
  return { organizations: reference.organizations, systems: reference.systems, categories: [], codeFiles: [], notes: [], pairings: [] };
}
