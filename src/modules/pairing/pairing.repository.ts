import neo4j, { type Integer } from 'neo4j-driver';
import { paramKey, type ReleaseCache } from '../../cache/release-cache';
import type { CodeKey } from '../../common/code-format';
import { CodeSystemId } from '../../domain/code-system-id';
import type { CypherExecutor } from '../../neo4j/executor';
import { mapBy, toNumber } from '../../neo4j/values';
import type { CategoryNode } from '../code/category.type';
import type { CodeNode } from '../code/code.type';
import type { PairingStatus } from './pairing-status.enum';
import type { PairEvidence } from './pairing-verdict';
import type { PairingNode } from './pairing.type';
import type { PolicyNode } from './policy.type';
import { codeKeyString } from '../../domain/code-key';

/** Which way a pairing list runs: a procedure's diagnoses, or a diagnosis's procedures. */
export type PairingDirection = 'justified-by' | 'justifies';

/** A bare chapter ("4", "E08-E13") names an ICD-10-CM category when the listed codes are diagnoses. */
export function bareChapterSystem(direction: PairingDirection): CodeSystemId | null {
  return direction === 'justified-by' ? CodeSystemId.ICD10CM : null;
}

/** Filters shared by justifiedBy and justifies (and their CSV export). */
export interface PairingFilter {
  statuses: PairingStatus[];
  policy: string | null;
  /** Category id the paired code must lie under. */
  chapter: string | null;
  billableOnly: boolean;
  asOf: string;
  /** justifiedBy and justifies: a two-letter state whose contractors' LCD articles count beside the NCDs (null: NCDs only). */
  state: string | null;
}

export interface PairingPage {
  total: number;
  pairings: PairingNode[];
}

/** A claim code as the graph holds it, with the windows of the releases it is valid in. */
export interface ClaimCode {
  code: CodeNode & { retired?: boolean };
  releases: Array<{ version: string; effectiveFrom: string | null; effectiveTo: string | null }>;
}

export interface PairKey {
  key: string;
  diagnosisCode: string;
  procedureSystem: string;
  procedureCode: string;
}

/** What the analytics combine (see cypher/pairing/justifying-sets.cypher). */
export interface JustifyingSources {
  universe: number;
  policies: Array<{ policy: string; procedures: CodeNode[]; justifying: string[]; listed: string[] | null }>;
  curated: Array<{ procedure: CodeNode; codes: string[] }>;
}

/** What pairing/evidence reads for one pair (curatedCount a Neo4j integer). */
export interface EvidenceRow extends Omit<Required<PairEvidence>, 'curatedCount'> {
  key: string;
  diagnosisFound: boolean;
  curatedCount: Integer;
}

/** One policy's pairing of two codes, as pairing/listing-pairings looks it up (`key` echoed back). */
export interface ListingPairingRef {
  key: string;
  policy: string;
  diagnosisSystem: string;
  diagnosisCode: string;
  procedureSystem: string;
  procedureCode: string;
}

/** A procedure code a policy governs, with the dates the policy gives it. */
export interface GovernedCode {
  code: CodeNode;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** One pairing of a page: the other code (dx on justified-by's page, px on justifies') beside the pairing's facts. */
export type PairingPageItem = Omit<PairingNode, 'diagnosis' | 'procedure'> & { dx?: CodeNode; px?: CodeNode };

/** What pairing/justified-by and pairing/justifies read: the total, the code asked about, and one page. */
export interface PairingPageRow {
  total: Integer;
  fixed: CodeNode;
  page: PairingPageItem[];
}

/** A policy as pairing/policies-by-ids reads it (its counts Neo4j integers, absent on a policy written before they were kept). */
export type PolicyRow = Omit<PolicyNode, 'listingCount' | 'governsCount'> & { listingCount: Integer | null; governsCount: Integer | null };

export interface Excludes1Conflict {
  a: string;
  b: string;
  source: string;
  text: string;
  target: string;
}

/** A page row names the other code (dx or px); the code asked about comes once, as `fixed`. */
function toPairing(row: PairingPageItem, fixed: CodeNode): PairingNode {
  const { dx, px, ...rest } = row;
  return { ...rest, diagnosis: dx ?? fixed, procedure: px ?? fixed };
}

function toPolicy(row: PolicyRow): PolicyNode {
  return {
    ...row,
    listingCount: toNumber(row.listingCount ?? 0),
    governsCount: toNumber(row.governsCount ?? 0),
    sourceFiles: row.sourceFiles ?? [],
  };
}

/**
 * Pairings, policies and claim evidence. Every read is one round trip; with a cache, answers it
 * holds are not read again (it is cleared when an import or a curation changes the graph).
 */
/** The statements that read one page of pairings of a code. */
type PageStatement = 'pairing/justified-by' | 'pairing/justifies';

export class PairingRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null = null,
  ) {}

  /** `read` through the cache under `name` and the parameters, when there is a cache. */
  private cached<T>(name: string, params: Record<string, unknown>, read: () => Promise<T>): Promise<T> {
    return this.cache ? this.cache.one(name, paramKey(params), read) : read();
  }

  private page(name: PageStatement, key: CodeKey, filter: PairingFilter, skip: number, limit: number): Promise<PairingPage> {
    return this.cached(name, { key, filter, skip, limit }, () => this.readPage(name, key, filter, skip, limit));
  }

  private async readPage(name: PageStatement, key: CodeKey, filter: PairingFilter, skip: number, limit: number): Promise<PairingPage> {
    const [row] = await this.executor.read(name, {
      system: key.system,
      code: key.code,
      statuses: filter.statuses,
      policy: filter.policy,
      chapter: filter.chapter,
      billableOnly: filter.billableOnly,
      asOf: filter.asOf,
      state: filter.state,
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    });
    if (!row) return { total: 0, pairings: [] };
    return { total: toNumber(row.total), pairings: row.page.map((r) => toPairing(r, row.fixed)) };
  }

  /**
   * One page of a code's pairings: 'justified-by' gives the diagnoses of a procedure in tabular
   * order, 'justifies' the procedures of a diagnosis by system and code.
   */
  pairingsOf(direction: PairingDirection, code: CodeKey, filter: PairingFilter, skip: number, limit: number): Promise<PairingPage> {
    return this.page(`pairing/${direction}`, code, filter, skip, limit);
  }

  /** `fetch` for the keys the cache lacks (all of them without a cache). */
  private through<K, V>(
    name: string,
    keys: readonly K[],
    keyOf: (key: K) => string,
    fetch: (batch: readonly K[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    return this.cache ? this.cache.through(name, keys, keyOf, fetch) : fetch(keys);
  }

  evidence(pairs: readonly PairKey[], date: string): Promise<Map<string, PairEvidence>> {
    return this.through(
      `pairing/evidence@${date}`,
      pairs,
      (p) => p.key,
      async (batch) => {
        const rows = await this.executor.read('pairing/evidence', { pairs: batch.map((p) => ({ ...p })), date });
        return new Map(
          rows.map((r) => [
            r.key,
            {
              policies: r.policies,
              curatedCount: toNumber(r.curatedCount),
              curated: r.curated,
              curatedOthers: r.curatedOthers ?? [],
            },
          ]),
        );
      },
    );
  }

  /** Published or retired codes with their release windows, keyed "SYSTEM|code". */
  claimCodes(keys: readonly CodeKey[]): Promise<Map<string, ClaimCode>> {
    return this.through('pairing/claim-codes', keys, codeKeyString, async (batch) => {
      const rows = await this.executor.read('pairing/claim-codes', { keys: batch.map(({ system, code }) => ({ system, code })) });
      return new Map(rows.map((r) => [r.key, { code: r.code, releases: r.releases }]));
    });
  }

  excludes1Conflicts(codes: readonly string[]): Promise<Excludes1Conflict[]> {
    const pairs = codes.flatMap((a) => codes.filter((b) => b !== a).map((b) => ({ a, b })));
    if (pairs.length === 0) return Promise.resolve([]);
    return this.cached('pairing/excludes1-conflicts', { codes }, () => this.executor.read('pairing/excludes1-conflicts', { pairs }));
  }

  policies(ids: readonly string[]): Promise<Map<string, PolicyNode>> {
    return this.through(
      'pairing/policies-by-ids',
      ids,
      (id) => id,
      async (batch) => {
        const rows = await this.executor.read('pairing/policies-by-ids', { ids: [...batch] });
        return new Map(rows.map((r) => [r.key, toPolicy(r.policy)]));
      },
    );
  }

  governingPolicies(keys: readonly CodeKey[]): Promise<Map<string, string[]>> {
    return this.through('pairing/governing-policies', keys, codeKeyString, async (batch) =>
      mapBy(await this.executor.read('pairing/governing-policies', { keys: batch.map(({ system, code }) => ({ system, code })) }), 'key', 'policies'),
    );
  }

  /** The pairings a policy makes between two codes on any date (its listings and its default rule), per ref. */
  async listingPairings(refs: readonly ListingPairingRef[]): Promise<Map<string, PairingNode[]>> {
    if (refs.length === 0) return new Map();
    return mapBy(await this.executor.read('pairing/listing-pairings', { refs: [...refs] }), 'key', 'pairings');
  }

  async policyIds(): Promise<string[]> {
    return (await this.executor.read('pairing/policies-all')).map((r) => r.id);
  }

  justifyingSources(filter: Pick<PairingFilter, 'statuses' | 'billableOnly' | 'asOf'>): Promise<JustifyingSources> {
    return this.cached('pairing/justifying-sets', { filter }, () => this.readJustifyingSources(filter));
  }

  private async readJustifyingSources(filter: Pick<PairingFilter, 'statuses' | 'billableOnly' | 'asOf'>): Promise<JustifyingSources> {
    const [row] = await this.executor.read('pairing/justifying-sets', { statuses: filter.statuses, billableOnly: filter.billableOnly, asOf: filter.asOf });
    return {
      universe: toNumber(row?.universe ?? 0),
      policies: row?.policies ?? [],
      curated: row?.curated ?? [],
    };
  }

  justifyingChapters(procedure: CodeKey, filter: PairingFilter): Promise<Array<{ chapter: CategoryNode; diagnoses: number }>> {
    return this.cached('pairing/justifying-chapters', { procedure, filter }, () => this.readJustifyingChapters(procedure, filter));
  }

  private async readJustifyingChapters(procedure: CodeKey, filter: PairingFilter): Promise<Array<{ chapter: CategoryNode; diagnoses: number }>> {
    const rows = await this.executor.read('pairing/justifying-chapters', {
      system: procedure.system,
      code: procedure.code,
      statuses: filter.statuses,
      policy: filter.policy,
      billableOnly: filter.billableOnly,
      asOf: filter.asOf,
    });
    return rows.map((r) => ({ chapter: r.chapter, diagnoses: toNumber(r.diagnoses) }));
  }

  /** Whole-graph analytics (1.3-2 s of Neo4j on the official data): cached like any answer, and single-flight, so identical calls at once run once. */
  unjustified(filter: PairingFilter, skip: number, limit: number): Promise<{ total: number; codes: CodeNode[] }> {
    return this.cached('pairing/unjustified', { filter, skip, limit }, () => this.readUnjustified(filter, skip, limit));
  }

  private async readUnjustified(filter: PairingFilter, skip: number, limit: number): Promise<{ total: number; codes: CodeNode[] }> {
    const [row] = await this.executor.read('pairing/unjustified', {
      statuses: filter.statuses,
      chapter: filter.chapter,
      billableOnly: filter.billableOnly,
      asOf: filter.asOf,
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    });
    return { total: toNumber(row?.total ?? 0), codes: row?.codes ?? [] };
  }

  async governs(ids: readonly string[]): Promise<Map<string, GovernedCode[]>> {
    return mapBy(await this.executor.read('pairing/policy-governs', { ids: [...ids] }), 'key', 'governs');
  }
}
