import type { Integer } from 'neo4j-driver';
import type { ReleaseWindow } from '../domain/date-rule';
import type { CodeKey } from '../domain/code-key';
import type { CategoryNode } from '../modules/code/category.type';
import type { IsAPair, SevenCharacterRow } from '../modules/code/code.repository';
import type { CodeNode } from '../modules/code/code.type';
import type { NoteRow } from '../modules/code/instructional-note.type';
import type { CodeSystemId } from '../domain/code-system-id';
import type { PairingStatus } from '../domain/pairing';
import type { CodeSystem } from '../modules/code-system/code-system.type';
import type { Organization } from '../modules/code-system/organization.type';
import type { ModifierProperties } from '../modules/modifier/modifier.repository';
import type { AuditEventNode, CuratedPairingNode, CurationAddParams } from '../modules/pairing/curation.repository';
import type { PairingNode } from '../modules/pairing/pairing.type';
import type {
  ClaimCode,
  EvidenceRow,
  Excludes1Conflict,
  GovernedCode,
  JustifyingSources,
  ListingPairingRef,
  PairingPageRow,
  PairKey,
  PolicyRow,
} from '../modules/pairing/pairing.repository';
import type {
  CategoryParentRow,
  CategoryRow,
  CodeCategoryRow,
  CodeParentRow,
  CodePropertiesRow,
  CodeRef,
  CodeRow,
  CodeSystemRow,
  FreeNoteRow,
  LcdAdministeredRow,
  LcdContractorRow,
  LcdGovernsRow,
  LcdGroupRow,
  LcdListingRow,
  ListingRow,
  NoteLinkRow,
  PairingRow,
  PolicyGovernsRow,
  PolicyNodeRow,
  Properties,
  PtpEditRow,
  RevisedCodeRow,
  SystemAdaptsRow,
} from '../import/import-rows';
import type { OrganizationRecord } from '../import/records';
import type { CodeReleases, ReleaseProperties } from '../modules/release/release.repository';
import type { CandidateRow } from '../modules/search/search.repository';
import type { GemMappingWrite } from '../import/gems/gem.repository';
import type { GemMappingRow } from '../modules/crosswalk/crosswalk.repository';

/**
 * The catalogue of Cypher statements: one entry per file of cypher/ (named by its path without
 * `.cypher`), with the type of its parameters and of one row it returns, so that
 * `executor.read('code/by-keys', { keys })` is type-checked at both ends. Adding a statement is one
 * entry here (test/integration/cypher-catalogue.test.ts checks that the catalogue and cypher/ name
 * the same statements, and that the columns an entry declares are exactly those its statement RETURNs).
 *
 * `typed<Params, Row>({ column: true, ... })` lists every column of Row (the compiler insists on all
 * of them, and on no others), so the test can check them against the statement; `returnsNothing<Params>()`
 * is a write with no RETURN. `untyped` (plain records) is left only for the schema script, which is
 * not one statement and runs through executor.runSchema.
 */

/** A row or parameter map as the driver gives it. */
export type Row = Record<string, unknown>;

export interface Statement<P, R> {
  /** The RETURN columns the row type declares (empty for a write that returns nothing, and for an untyped entry). */
  readonly columns: readonly string[];
  /** False only for an untyped entry. */
  readonly typed: boolean;
  /** Type carriers only, never set. */
  readonly params?: P;
  readonly row?: R;
}

function typed<P, R>(columns: { [K in keyof R]-?: true }): Statement<P, R> {
  return { columns: Object.keys(columns), typed: true };
}

/** The row of a write that RETURNs nothing (it has no rows). */
export type NoRow = Record<string, never>;

/** A write whose parameters are P and that RETURNs nothing. */
function returnsNothing<P>(): Statement<P, NoRow> {
  return { columns: [], typed: true };
}

const untyped: Statement<Row, Row> = { columns: [], typed: false };

/** Parameters of a statement that takes none. */
type NoParams = Record<string, never>;

/** Parameters of the statements that take a batch of ids. */
interface IdsParams {
  ids: readonly string[];
}

/** Parameters of the two pages of pairings of a code (justified-by, justifies), of which the analytics take some. */
interface PairingPageParams {
  system: string;
  code: string;
  statuses: PairingStatus[];
  policy: string | null;
  chapter: string | null;
  billableOnly: boolean;
  asOf: string;
  /** Two-letter state: the LCD articles of its contractors are read beside the NCDs. */
  state: string | null;
  skip: Integer;
  limit: Integer;
}

/** The filters every search statement takes. */
interface SearchParams {
  systems: CodeSystemId[] | null;
  billableOnly: boolean;
}

/** Parameters of the statements that take a batch of (system, code) keys. */
interface KeysParams {
  keys: Array<{ system: CodeKey['system'] | `${CodeKey['system']}`; code: string }>;
}

export const CYPHER_CATALOGUE = {
  'cache/generation': typed<NoParams, { releases: string[]; policies: string[]; editSets: string[]; crosswalks: string[]; curationChanges: Integer }>({
    releases: true,
    policies: true,
    editSets: true,
    crosswalks: true,
    curationChanges: true,
  }),
  'category/by-ids': typed<IdsParams, { id: string; category: CategoryNode }>({ id: true, category: true }),
  'category/children': typed<IdsParams, { id: string; categories: CategoryNode[] }>({ id: true, categories: true }),
  'category/codes': typed<IdsParams & { first: Integer; skip: Integer }, { id: string; codes: CodeNode[]; total: Integer }>({
    id: true,
    codes: true,
    total: true,
  }),
  'category/parents': typed<IdsParams, { id: string; category: CategoryNode }>({ id: true, category: true }),
  'claim/mue-edits': typed<KeysParams, { key: string; mues: Row[] }>({ key: true, mues: true }),
  'claim/ptp-between': typed<KeysParams, { column1: string; column2: string; edit: Row }>({ column1: true, column2: true, edit: true }),
  'claim/ptp-edits': typed<KeysParams, { key: string; edits: Row[] }>({ key: true, edits: true }),
  'code-system/adapted-by': typed<IdsParams, { id: string; systems: CodeSystem[] }>({ id: true, systems: true }),
  'code-system/adapts': typed<IdsParams, { id: string; system: CodeSystem }>({ id: true, system: true }),
  'code-system/all': typed<NoParams, { system: CodeSystem }>({ system: true }),
  'code-system/by-ids': typed<IdsParams, { id: string; system: CodeSystem }>({ id: true, system: true }),
  'code-system/code-counts': typed<IdsParams, { id: string; codes: Integer; billable: Integer }>({ id: true, codes: true, billable: true }),
  'code-system/maintainers': typed<IdsParams, { id: string; organizations: Organization[] }>({ id: true, organizations: true }),
  'code-system/top-categories': typed<IdsParams, { id: string; categories: CategoryNode[] }>({ id: true, categories: true }),
  'code/ancestors': typed<KeysParams, { key: string; codes: CodeNode[] }>({ key: true, codes: true }),
  'code/by-keys': typed<KeysParams, { key: string; code: CodeNode }>({ key: true, code: true }),
  'code/categories': typed<KeysParams, { key: string; categories: CategoryNode[] }>({ key: true, categories: true }),
  'code/children': typed<KeysParams, { key: string; codes: CodeNode[] }>({ key: true, codes: true }),
  'code/descendants': typed<KeysParams & { skip: Integer; limit: Integer; billableOnly: boolean }, { key: string; total: Integer; codes: CodeNode[] }>({
    key: true,
    total: true,
    codes: true,
  }),
  'code/details': typed<KeysParams, { key: string; details: Record<string, unknown> }>({ key: true, details: true }),
  'code/is-a': typed<{ pairs: IsAPair[] }, { key: string; found: boolean; isA: boolean }>({ key: true, found: true, isA: true }),
  'code/notes': typed<KeysParams, { key: string; notes: NoteRow[] }>({ key: true, notes: true }),
  'code/parents': typed<KeysParams, { key: string; code: CodeNode }>({ key: true, code: true }),
  'code/seven-character': typed<KeysParams, { key: string; extensions: SevenCharacterRow }>({ key: true, extensions: true }),
  'crosswalk/maps-to': typed<KeysParams, { key: string; code: CodeNode; mappings: GemMappingRow[] }>({ key: true, code: true, mappings: true }),
  'crosswalk/mapped-from': typed<KeysParams, { key: string; code: CodeNode; mappings: GemMappingRow[] }>({ key: true, code: true, mappings: true }),
  'import/addenda-added': returnsNothing<{ rows: CodeRef[]; releaseId: string }>(),
  'import/addenda-revised': returnsNothing<{ rows: RevisedCodeRow[]; releaseId: string }>(),
  'import/categories': returnsNothing<{ rows: CategoryRow[] }>(),
  'import/category-notes': returnsNothing<{ rows: NoteLinkRow[] }>(),
  'import/category-notes-to-category': returnsNothing<{ rows: NoteLinkRow[] }>(),
  'import/category-parents': returnsNothing<{ rows: CategoryParentRow[] }>(),
  'import/code-categories': returnsNothing<{ rows: CodeCategoryRow[] }>(),
  'import/code-parents': returnsNothing<{ rows: CodeParentRow[] }>(),
  'import/code-systems': returnsNothing<{ rows: CodeSystemRow[] }>(),
  'import/codes': returnsNothing<{ rows: CodeRow[]; releaseId: string }>(),
  'import/codes-present': typed<{ keys: Array<{ system: string; code: string }> }, { key: string; present: boolean; systemLoaded: boolean }>({
    key: true,
    present: true,
    systemLoaded: true,
  }),
  'import/crosswalk-begin': typed<{ id: string; props: Properties }, { fresh: boolean }>({ fresh: true }),
  'import/crosswalk-complete': typed<{ id: string; gemOnlySystem: string; changed: boolean }, { mappings: Integer }>({ mappings: true }),
  'import/crosswalk-origins': typed<NoParams, { origin: string }>({ origin: true }),
  'import/edit-set-begin': typed<{ id: string; props: Properties }, { fresh: boolean }>({ fresh: true }),
  'import/edit-set-complete': typed<{ id: string; changed: boolean }, { edits: Integer }>({ edits: true }),
  'import/lcd-administered': returnsNothing<{ rows: LcdAdministeredRow[] }>(),
  'import/lcd-articles': returnsNothing<{ rows: PolicyNodeRow[] }>(),
  'import/lcd-contractors': returnsNothing<{ rows: LcdContractorRow[] }>(),
  'import/lcd-governs': returnsNothing<{ rows: LcdGovernsRow[] }>(),
  'import/lcd-groups': returnsNothing<{ rows: LcdGroupRow[] }>(),
  'import/lcd-listings': returnsNothing<{ rows: LcdListingRow[] }>(),
  'import/lcd-prune': typed<
    { policy: string; listings: string[]; governs: string[]; groups: string[] },
    { listings: Integer; governs: Integer; groups: Integer }
  >({
    listings: true,
    governs: true,
    groups: true,
  }),
  'import/lcd-retire': typed<{ current: string[]; fileDate: string | null }, { id: string }>({ id: true }),
  'import/edit-set-ids': typed<NoParams, { id: string }>({ id: true }),
  'import/mue-edits': returnsNothing<{ rows: CodePropertiesRow[]; set: string }>(),
  'import/ptp-edits': returnsNothing<{ rows: PtpEditRow[]; set: string }>(),
  'import/ptp-edits-new': returnsNothing<{ rows: PtpEditRow[]; set: string }>(),
  'import/gem-mappings': returnsNothing<{ rows: GemMappingWrite[] }>(),
  'import/gem-mappings-new': returnsNothing<{ rows: GemMappingWrite[] }>(),
  'import/gem-no-maps': returnsNothing<{ rows: GemMappingWrite[] }>(),
  'import/gem-no-maps-new': returnsNothing<{ rows: GemMappingWrite[] }>(),
  'import/graph-counts': typed<NoParams, { nodes: Integer; relationships: Integer }>({ nodes: true, relationships: true }),
  'import/graph-state': typed<NoParams, { noSystems: boolean; noReleases: boolean }>({ noSystems: true, noReleases: true }),
  'import/icd10cm-sequence': typed<NoParams, { code: string; sequence: Integer | null }>({ code: true, sequence: true }),
  'import/modifiers': returnsNothing<{ rows: CodePropertiesRow[]; releaseId: string }>(),
  'import/notes': returnsNothing<{ rows: NoteLinkRow[] }>(),
  'import/free-notes': returnsNothing<{ rows: FreeNoteRow[] }>(),
  'import/category-free-notes': returnsNothing<{ rows: FreeNoteRow[] }>(),
  'import/notes-to-category': returnsNothing<{ rows: NoteLinkRow[] }>(),
  'import/organizations': returnsNothing<{ rows: OrganizationRecord[] }>(),
  'import/pairings': returnsNothing<{ rows: PairingRow[] }>(),
  'import/policies': returnsNothing<{ rows: PolicyNodeRow[] }>(),
  'import/policy-complete': typed<{ policy: string; changed: boolean }, { listings: Integer; governs: Integer }>({ listings: true, governs: true }),
  'import/policy-governs': returnsNothing<{ rows: PolicyGovernsRow[] }>(),
  'import/policy-listings': returnsNothing<{ policy: string; rows: ListingRow[] }>(),
  'import/policy-listings-new': returnsNothing<{ policy: string; rows: ListingRow[] }>(),
  'import/policies-fresh': typed<{ ids: string[] }, { id: string }>({ id: true }),
  'import/policy-origins': typed<NoParams, { origin: string }>({ origin: true }),
  'import/policy-prune': typed<{ policy: string; listings: string[]; governs: string[] }, { listings: Integer; governs: Integer }>({
    listings: true,
    governs: true,
  }),
  'import/policy-reference-codes': typed<{ rows: CodeRow[] }, { codes: Integer }>({ codes: true }),
  'import/release-begin': returnsNothing<{ release: { id: string; system: string; properties: Properties } }>(),
  'import/release-complete': typed<{ releaseId: string; changed: boolean }, { codes: Integer }>({ codes: true }),
  'import/release-publish': typed<{ releaseId: string; limit: Integer }, { published: Integer }>({ published: true }),
  'import/release-statuses': typed<{ ids: string[] }, { id: string; status: string }>({ id: true, status: true }),
  'import/system-adapts': returnsNothing<{ rows: SystemAdaptsRow[] }>(),
  'modifier/by-codes': typed<{ system: string; codes: string[] }, { code: string }>({ code: true }),
  'modifier/of-system': typed<{ system: string; code: string | null }, { modifier: ModifierProperties }>({ modifier: true }),
  'organization/all': typed<NoParams, { organization: Organization }>({ organization: true }),
  'organization/maintains': typed<IdsParams, { id: string; systems: CodeSystem[] }>({ id: true, systems: true }),
  'pairing/claim-codes': typed<KeysParams, { key: string } & ClaimCode>({ key: true, code: true, releases: true }),
  'pairing/curation-add': typed<CurationAddParams, { existingId: string | null; createdId: string | null }>({ existingId: true, createdId: true }),
  'pairing/curation-retire': typed<{ id: string; actor: string; reason: string; eventId: string; now: string }, { id: string; wasRetired: boolean }>({
    id: true,
    wasRetired: true,
  }),
  'pairing/curations': typed<IdsParams, { key: string; pairing: CuratedPairingNode }>({ key: true, pairing: true }),
  'pairing/audit-events': typed<IdsParams, { key: string; event: AuditEventNode }>({ key: true, event: true }),
  'pairing/listing-pairings': typed<{ refs: ListingPairingRef[] }, { key: string; pairings: PairingNode[] }>({ key: true, pairings: true }),
  'pairing/evidence': typed<{ pairs: PairKey[]; date: string }, EvidenceRow>({
    key: true,
    diagnosisFound: true,
    policies: true,
    curatedCount: true,
    curated: true,
    curatedOthers: true,
  }),
  'pairing/excludes1-conflicts': typed<{ pairs: Array<{ a: string; b: string }> }, Excludes1Conflict>({
    a: true,
    b: true,
    source: true,
    text: true,
    target: true,
  }),
  'pairing/governing-policies': typed<KeysParams, { key: string; policies: string[] }>({ key: true, policies: true }),
  'pairing/justified-by': typed<PairingPageParams, PairingPageRow>({ total: true, fixed: true, page: true }),
  'pairing/justifies': typed<PairingPageParams, PairingPageRow>({ total: true, fixed: true, page: true }),
  'pairing/justifying-chapters': typed<Omit<PairingPageParams, 'chapter' | 'state' | 'skip' | 'limit'>, { chapter: CategoryNode; diagnoses: Integer }>({
    chapter: true,
    diagnoses: true,
  }),
  'pairing/justifying-sets': typed<
    Pick<PairingPageParams, 'statuses' | 'billableOnly' | 'asOf'>,
    { universe: Integer } & Pick<JustifyingSources, 'policies' | 'curated'>
  >({ universe: true, policies: true, curated: true }),
  'policy/coverage-articles': typed<
    KeysParams & { state: string | null; asOf: string },
    { system: string; code: string; article: Row; procedureGroups: unknown[] | null; contractors: unknown[]; groups: unknown[] }
  >({ system: true, code: true, article: true, procedureGroups: true, contractors: true, groups: true }),
  'pairing/policies-all': typed<NoParams, { id: string }>({ id: true }),
  'pairing/policies-by-ids': typed<IdsParams, { key: string; policy: PolicyRow }>({ key: true, policy: true }),
  'pairing/policy-governs': typed<IdsParams, { key: string; governs: GovernedCode[] }>({ key: true, governs: true }),
  'pairing/unjustified': typed<Omit<PairingPageParams, 'system' | 'code' | 'policy' | 'state'>, { total: Integer; codes: CodeNode[] }>({
    total: true,
    codes: true,
  }),
  'release/by-codes': typed<KeysParams, { key: string } & CodeReleases>({ key: true, validIn: true, addedIn: true, revisions: true }),
  'release/by-ids': typed<IdsParams, { id: string; release: ReleaseProperties }>({ id: true, release: true }),
  'release/windows': typed<{ systems: string[] }, ReleaseWindow>({ system: true, release: true, version: true, effectiveFrom: true, effectiveTo: true }),
  'release/of-systems': typed<IdsParams, { id: string; releases: string[] }>({ id: true, releases: true }),
  // Several statements (constraints, indexes, db.awaitIndexes) run one by one by executor.runSchema,
  // never through read or writeCounted: no parameters, and no rows to declare.
  'schema/constraints': untyped,
  'search/code-prefix': typed<
    SearchParams & { prefixes: string[]; exact: string; skip: Integer; limit: Integer },
    { total: Integer; hits: Array<{ code: CodeNode; score: null }> }
  >({
    total: true,
    hits: true,
  }),
  'search/ranked': typed<SearchParams & { lucene: string; licensed: boolean; candidates: Integer }, { total: Integer; candidates: CandidateRow[] }>({
    total: true,
    candidates: true,
  }),
  'search/text': typed<
    SearchParams & { lucene: string; licensed: boolean; skip: Integer; limit: Integer },
    { total: Integer; hits: Array<{ code: CodeNode; score: number }> }
  >({ total: true, hits: true }),
} satisfies Record<string, Statement<object, object>>;

export type StatementName = keyof typeof CYPHER_CATALOGUE;

export type ParamsOf<N extends StatementName> = (typeof CYPHER_CATALOGUE)[N] extends Statement<infer P, object> ? P : never;

export type RowOf<N extends StatementName> = (typeof CYPHER_CATALOGUE)[N] extends Statement<object, infer R> ? R : never;

export const STATEMENT_NAMES = Object.keys(CYPHER_CATALOGUE) as StatementName[];
