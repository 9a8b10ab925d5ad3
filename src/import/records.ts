import type { CodeSystemId } from '../common/code-system-id';
import type { CodeRole } from '../modules/code-system/code-role.enum';
import type { SystemScope } from '../modules/code-system/system-scope.enum';

/** What every source (the bundled sample, the official release files) turns into before writing. */

export interface OrganizationRecord {
  id: string;
  name: string;
  abbreviation: string;
  kind: string;
  country: string;
  url: string | null;
  description: string;
}

export interface CodeSystemRecord {
  id: CodeSystemId;
  name: string;
  shortName: string;
  role: CodeRole;
  purpose: string;
  questionAnswered: string;
  format: string;
  exampleCode: string;
  updateCadence: string;
  scope: SystemScope;
  primaryUse: string;
  setting: string;
  maintainedBy: string[];
  adapts: CodeSystemId | null;
}

export interface CategoryRecord {
  system: CodeSystemId;
  kind: string;
  /** As the system writes it: "4", "E08-E13", "0DT", "J", "CAT1". */
  code: string;
  title: string;
  /** `code` of the parent category in the same system. */
  parent: string | null;
  rangeStart: string | null;
  rangeEnd: string | null;
}

export interface ReleaseRecord {
  system: CodeSystemId;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
}

/** A code as the official files write it: no dot (E119, S52521A). */
export interface CodeRecord {
  code: string;
  display: string;
  shortDisplay: string | null;
  billable: boolean;
}

export interface NoteRecord {
  system: CodeSystemId;
  from: string;
  kind: 'EXCLUDES1' | 'EXCLUDES2';
  text: string;
  targets: string[];
}

export interface PairingRecord {
  diagnosis: { system: CodeSystemId; code: string };
  procedure: { system: CodeSystemId; code: string };
  source: string;
  author: string;
  createdAt: string;
  rationale: string;
}

export interface CodeFile {
  release: ReleaseRecord;
  codes: CodeRecord[];
}

/** Everything one import writes. */
export interface ImportBundle {
  organizations: OrganizationRecord[];
  systems: CodeSystemRecord[];
  categories: CategoryRecord[];
  codeFiles: CodeFile[];
  notes: NoteRecord[];
  pairings: PairingRecord[];
}
