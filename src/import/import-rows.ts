/**
 * The rows the importer's statements (cypher/import/*.cypher) take as `$rows`, declared with them in
 * src/neo4j/cypher-catalogue.ts. Properties written with `SET x += props` are each import's own
 * choice (and checked by its tests against the official files), so they stay open maps here.
 */

/** Properties of a node or relationship, written only where they differ. */
export type Properties = Record<string, unknown>;

/** A code by (system, code), as the graph's uniqueness constraint names it. */
export interface CodeRef {
  system: string;
  code: string;
}

/** A code with its labels and properties: import/codes, and import/policy-reference-codes' placeholders and retired references. */
export interface CodeRow extends CodeRef {
  labels: string[];
  props: Properties;
}

/** A code (or a Modifier, or an MUE's code) with the properties written on it or on its edge. */
export interface CodePropertiesRow extends CodeRef {
  props: Properties;
}

export interface RevisedCodeRow extends CodeRef {
  from: string;
  to: string;
}

export interface CodeParentRow extends CodeRef {
  parent: string;
}

export interface CodeCategoryRow extends CodeRef {
  category: string;
}

export interface CategoryRow {
  id: string;
  system: string;
  properties: Properties;
}

export interface CategoryParentRow {
  id: string;
  parent: string;
}

export interface CodeSystemRow {
  id: string;
  properties: Properties;
  maintainedBy: string[];
}

export interface SystemAdaptsRow {
  id: string;
  adapts: string;
}

/** An instructional note from a code or category (`from`) to a code or category (`target`); the kind is the relationship type. */
export interface NoteLinkRow {
  system: string;
  from: string;
  target: string;
  kind: string;
  text: string;
}

/** Notes that name no code, per code or category that states them: kinds and texts side by side. */
export interface FreeNoteRow {
  system: string;
  from: string;
  kinds: string[];
  texts: string[];
}

export interface PairingRow {
  id: string;
  diagnosis: CodeRef;
  procedure: CodeRef;
  source: string;
  author: string;
  createdAt: string;
  rationale: string | null;
}

/** A Policy node (an NCD, or an LCD article) and the organization that publishes it. */
export interface PolicyNodeRow {
  id: string;
  publisher: string;
  props: Properties;
}

/** An NCD's procedure code, with the dates its list gives. */
export interface PolicyGovernsRow extends CodeRef {
  policy: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** A listing of a diagnosis; `key` tells apart two entries that reach the same code. */
export interface ListingRow extends CodeRef {
  key: string;
  props: Properties;
}

/** An LCD article's listing (the article is named per row). */
export interface LcdListingRow extends ListingRow {
  policy: string;
}

/** An LCD article's procedure code with its groups and dates. */
export interface LcdGovernsRow extends CodePropertiesRow {
  policy: string;
}

export interface LcdGroupRow {
  policy: string;
  id: string;
  props: Properties;
}

export interface LcdContractorRow {
  id: string;
  props: Properties;
  states: Array<{ abbrev: string; name: string; activeFrom: string | null; activeTo: string | null }>;
}

export interface LcdAdministeredRow {
  policy: string;
  contractors: string[];
}

export interface PtpEditRow {
  system1: string;
  code1: string;
  system2: string;
  code2: string;
  key: string;
  props: Properties;
}
