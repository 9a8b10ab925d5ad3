import type { Integer } from 'neo4j-driver';
import type { CodeKey } from '../domain/code-key';
import type { CategoryNode } from '../modules/code/category.type';
import type { IsAPair, SevenCharacterRow } from '../modules/code/code.repository';
import type { CodeNode } from '../modules/code/code.type';
import type { NoteEdge } from '../modules/code/instructional-note.type';
import type { GemMappingWrite } from '../import/gems/gem.repository';
import type { GemMappingRow } from '../modules/crosswalk/crosswalk.repository';

/**
 * The catalogue of Cypher statements: one entry per file of cypher/ (named by its path without
 * `.cypher`), with the type of its parameters and of one row it returns, so that
 * `executor.read('code/by-keys', { keys })` is type-checked at both ends. Adding a statement is one
 * entry here (test/integration/cypher-catalogue.test.ts checks that the catalogue and cypher/ name
 * the same statements, and that every column an entry declares is one its statement RETURNs).
 *
 * `typed<Params, Row>({ column: true, ... })` lists every column of Row (the compiler insists on all
 * of them, and on no others), so the test can check them against the statement. `untyped` is an
 * entry whose parameters and rows are not declared yet: plain records, as before the catalogue.
 */

/** A row or parameter map as the driver gives it. */
export type Row = Record<string, unknown>;

export interface Statement<P, R> {
  /** The RETURN columns the row type declares (empty for an untyped entry). */
  readonly columns: readonly string[];
  /** Type carriers only, never set. */
  readonly params?: P;
  readonly row?: R;
}

function typed<P, R>(columns: { [K in keyof R]-?: true }): Statement<P, R> {
  return { columns: Object.keys(columns) };
}

const untyped: Statement<Row, Row> = { columns: [] };

/** Parameters of the statements that take a batch of (system, code) keys. */
interface KeysParams {
  keys: Array<{ system: CodeKey['system'] | `${CodeKey['system']}`; code: string }>;
}

export const CYPHER_CATALOGUE = {
  'cache/generation': untyped,
  'category/by-ids': untyped,
  'category/children': untyped,
  'category/codes': untyped,
  'category/parents': untyped,
  'claim/mue-edits': typed<KeysParams, { key: string; mues: Row[] }>({ key: true, mues: true }),
  'claim/ptp-between': typed<KeysParams, { column1: string; column2: string; edit: Row }>({ column1: true, column2: true, edit: true }),
  'claim/ptp-edits': typed<KeysParams, { key: string; edits: Row[] }>({ key: true, edits: true }),
  'code-system/adapted-by': untyped,
  'code-system/adapts': untyped,
  'code-system/all': untyped,
  'code-system/by-ids': untyped,
  'code-system/code-counts': untyped,
  'code-system/maintainers': untyped,
  'code-system/top-categories': untyped,
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
  'code/notes': typed<KeysParams, { key: string; notes: NoteEdge[] }>({ key: true, notes: true }),
  'code/parents': typed<KeysParams, { key: string; code: CodeNode }>({ key: true, code: true }),
  'code/seven-character': typed<KeysParams, { key: string; extensions: SevenCharacterRow }>({ key: true, extensions: true }),
  'crosswalk/maps-to': typed<KeysParams, { key: string; code: CodeNode; mappings: GemMappingRow[] }>({ key: true, code: true, mappings: true }),
  'crosswalk/mapped-from': typed<KeysParams, { key: string; code: CodeNode; mappings: GemMappingRow[] }>({ key: true, code: true, mappings: true }),
  'import/addenda-added': untyped,
  'import/addenda-revised': untyped,
  'import/categories': untyped,
  'import/category-notes': untyped,
  'import/category-notes-to-category': untyped,
  'import/category-parents': untyped,
  'import/code-categories': untyped,
  'import/code-parents': untyped,
  'import/code-systems': untyped,
  'import/codes': untyped,
  'import/codes-present': typed<{ keys: Array<{ system: string; code: string }> }, { key: string; present: boolean; systemLoaded: boolean }>({
    key: true,
    present: true,
    systemLoaded: true,
  }),
  'import/crosswalk-begin': typed<{ id: string; props: Row }, Record<string, never>>({}),
  'import/crosswalk-complete': typed<{ id: string; gemOnlySystem: string; changed: boolean }, { mappings: Integer }>({ mappings: true }),
  'import/crosswalk-origins': typed<Record<string, never>, { origin: string }>({ origin: true }),
  'import/edit-set-begin': untyped,
  'import/edit-set-complete': typed<{ id: string; changed: boolean }, { edits: Integer }>({ edits: true }),
  'import/lcd-administered': untyped,
  'import/lcd-articles': untyped,
  'import/lcd-contractors': untyped,
  'import/lcd-governs': untyped,
  'import/lcd-groups': untyped,
  'import/lcd-listings': untyped,
  'import/lcd-prune': untyped,
  'import/edit-set-ids': typed<Record<string, never>, { id: string }>({ id: true }),
  'import/mue-edits': untyped,
  'import/ptp-edits': untyped,
  'import/gem-mappings': typed<{ rows: GemMappingWrite[] }, Record<string, never>>({}),
  'import/gem-no-maps': typed<{ rows: GemMappingWrite[] }, Record<string, never>>({}),
  'import/graph-counts': typed<Record<string, never>, { nodes: Integer; relationships: Integer }>({ nodes: true, relationships: true }),
  'import/graph-state': typed<Record<string, never>, { noSystems: boolean; noReleases: boolean }>({ noSystems: true, noReleases: true }),
  'import/icd10cm-sequence': typed<Record<string, never>, { code: string; sequence: Integer | null }>({ code: true, sequence: true }),
  'import/modifiers': untyped,
  'import/notes': untyped,
  'import/notes-to-category': untyped,
  'import/organizations': untyped,
  'import/pairings': untyped,
  'import/policies': untyped,
  'import/policy-complete': untyped,
  'import/policy-governs': untyped,
  'import/policy-listings': untyped,
  'import/policy-origins': untyped,
  'import/policy-prune': untyped,
  'import/policy-reference-codes': untyped,
  'import/release-begin': untyped,
  'import/release-complete': untyped,
  'import/release-publish': untyped,
  'import/release-statuses': typed<{ ids: string[] }, { id: string; status: string }>({ id: true, status: true }),
  'import/system-adapts': untyped,
  'modifier/by-codes': typed<{ system: string; codes: string[] }, { code: string }>({ code: true }),
  'modifier/of-system': untyped,
  'organization/all': untyped,
  'organization/maintains': untyped,
  'pairing/claim-codes': untyped,
  'pairing/curation-add': untyped,
  'pairing/curation-retire': untyped,
  'pairing/curations': untyped,
  'pairing/evidence': untyped,
  'pairing/excludes1-conflicts': untyped,
  'pairing/governing-policies': untyped,
  'pairing/justified-by': untyped,
  'pairing/justifies': untyped,
  'pairing/justifying-chapters': untyped,
  'pairing/justifying-sets': untyped,
  'policy/coverage-articles': typed<
    KeysParams & { state: string | null; asOf: string },
    { system: string; code: string; article: Row; procedureGroups: unknown[] | null; contractors: unknown[]; groups: unknown[] }
  >({ system: true, code: true, article: true, procedureGroups: true, contractors: true, groups: true }),
  'pairing/policies-all': untyped,
  'pairing/policies-by-ids': untyped,
  'pairing/policy-governs': untyped,
  'pairing/unjustified': untyped,
  'release/by-codes': untyped,
  'release/by-ids': untyped,
  'release/of-systems': untyped,
  'schema/constraints': untyped,
  'search/code-prefix': untyped,
  'search/ranked': untyped,
  'search/text': untyped,
} satisfies Record<string, Statement<object, object>>;

export type StatementName = keyof typeof CYPHER_CATALOGUE;

export type ParamsOf<N extends StatementName> = (typeof CYPHER_CATALOGUE)[N] extends Statement<infer P, object> ? P : never;

export type RowOf<N extends StatementName> = (typeof CYPHER_CATALOGUE)[N] extends Statement<object, infer R> ? R : never;

export const STATEMENT_NAMES = Object.keys(CYPHER_CATALOGUE) as StatementName[];
