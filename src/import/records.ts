import type { CodeSystemId } from '../domain/code-system-id';
import type { CodeRole, SystemScope } from '../domain/code-system';

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
  /** Extra properties (a chapter's notes, a PCS operation's definition). */
  properties?: CodeProperties;
}

export interface ReleaseRecord {
  system: CodeSystemId;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
}

/** Extra properties a source knows about a code (tabular includes, HCPCS dates); null clears one. */
export type CodeProperties = Record<string, string | string[] | boolean | number | null>;

/** A code as the official files write it: no dot (E119, S52521A). */
export interface CodeRecord {
  code: string;
  display: string;
  shortDisplay: string | null;
  billable: boolean;
  /** Written on the node as they are; a source that knows a property always sends it (null when absent). */
  properties?: CodeProperties;
}

export type NoteKindName = 'EXCLUDES1' | 'EXCLUDES2' | 'CODE_FIRST' | 'USE_ADDITIONAL' | 'CODE_ALSO';

export interface NoteRecord {
  system: CodeSystemId;
  /** A code, or a category when fromCategory is true. */
  from: string;
  fromCategory?: boolean;
  kind: NoteKindName;
  text: string;
  /** Codes the note names: none for a note that names no code ("code to identify control using:"), which keeps its text. */
  targets: string[];
  /** Categories the note names (by category code: "E08-E13", "2"). */
  targetCategories?: string[];
}

/** A Level II modifier (HCPCS GA, LT): not a code, but reported with one. */
export interface ModifierRecord {
  code: string;
  display: string;
  shortDisplay: string;
  properties: CodeProperties;
}

/** What the release's addenda say changed since the previous version. */
export interface AddendaRecord {
  previousVersion: string;
  added: string[];
  deleted: Array<{ code: string; title: string }>;
  revised: Array<{ code: string; from: string; to: string }>;
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
  modifiers?: ModifierRecord[];
  addenda?: AddendaRecord;
  /** Category code per 3-character category (compact), where the source says (ICD-10-CM tabular sections); other codes are placed by range or prefix. */
  categoryOf?: Map<string, string>;
  /** Extra release properties (file names, licensing). */
  releaseProperties?: Record<string, string | string[] | null>;
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
