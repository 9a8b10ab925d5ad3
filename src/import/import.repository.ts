import { StepRepository, type BatchExtra, type BatchRow, type BatchStatement, type ProgressListener, type StepStats } from './step-stats';
import neo4j from 'neo4j-driver';
import { canonicalCode, compactCode, normalizeCode } from '../common/code-format';
import { CodeSystemId } from '../domain/code-system-id';
import { categoryId, releaseId } from '../common/graph-ids';
import { mapBy, toNumber } from '../neo4j/values';
import { CodeRole } from '../domain/code-system';
import { CodeKind } from '../domain/code';
import { CategoryIndex, parentsByPrefix } from './hierarchy';
import { FirstSeen } from './first-seen';
import type { PolicyPlan } from './ncd/policy-plan';
import type { CategoryRecord, CodeFile, CodeSystemRecord, ImportBundle, NoteRecord, OrganizationRecord, PairingRecord } from './records';
import type { CategoryRow, CodeCategoryRow, CodeSystemRow, FreeNoteRow, ListingRow, NoteLinkRow, PairingRow, Properties } from './import-rows';

const BATCH_SIZE = 5_000;
const PUBLISH_SLICE = 20_000;

export type { ProgressListener, StepStats };

function codeKind(system: CodeSystemId, compact: string, billable: boolean): CodeKind {
  if (billable || (system !== CodeSystemId.ICD10CM && system !== CodeSystemId.ICD10)) return CodeKind.CODE;
  return compact.length === 3 ? CodeKind.CATEGORY : CodeKind.SUBCATEGORY;
}

/** Canonical form of a code the bundle check has already accepted for this system. */
function canonical(system: CodeSystemId, code: string): string {
  const normalized = normalizeCode(system, code);
  if (normalized === null) throw new Error(`${system} code ${JSON.stringify(code)} reached the writer without passing the bundle check`);
  return normalized;
}

/**
 * All of the importer's Cypher: batched UNWIND ... MERGE writes from cypher/import/, and the reads
 * the importer needs. Every write is idempotent and writes a property only when it differs, so a
 * second run changes nothing and a run after an interrupted one converges on the same graph. A
 * release stays `loading`, and its codes invisible to queries, until every batch is committed.
 */
export class ImportRepository extends StepRepository {
  /** True when the graph holds no release yet (nothing, or only what an interrupted first import wrote). */
  async hasNoRelease(): Promise<boolean> {
    const [row] = await this.executor.read('import/graph-state');
    return row?.noReleases ?? false;
  }

  /** The status ('loading' or 'complete') of each release that exists, by id. */
  async releaseStatuses(ids: string[]): Promise<Map<string, string>> {
    return mapBy(await this.executor.read('import/release-statuses', { ids }), 'id', 'status');
  }

  async writeBundle(bundle: ImportBundle): Promise<void> {
    const changesBefore = this.totalChanges();
    await this.batches('organizations', 'import/organizations', bundle.organizations.map(organizationRow));
    await this.batches('code systems', 'import/code-systems', bundle.systems.map(systemRow));
    await this.batches(
      'code systems',
      'import/system-adapts',
      bundle.systems.flatMap((s) => (s.adapts ? [{ id: s.id, adapts: s.adapts }] : [])),
    );
    await this.batches('categories', 'import/categories', bundle.categories.map(categoryRow));
    await this.batches(
      'categories',
      'import/category-parents',
      bundle.categories.filter((c) => c.parent).map((c) => ({ id: categoryId(c.system, c.code), parent: categoryId(c.system, c.parent!) })),
    );
    const index = new CategoryIndex(bundle.categories);
    const roles = new Map(bundle.systems.map((s) => [s.id, s.role]));
    for (const file of bundle.codeFiles) await this.writeCodeFile(file, roles.get(file.release.system) ?? CodeRole.PROCEDURE, index);
    await this.writeNotes(bundle.notes);
    await this.batches('pairings', 'import/pairings', bundle.pairings.map(pairingRow));
    // Last: only now do the releases, and their codes, become visible. When this import changed
    // anything, their completion time is renewed, which tells running services to drop cached answers.
    const changed = this.totalChanges() > changesBefore;
    for (const file of bundle.codeFiles) await this.completeRelease(releaseId(file.release.system, file.release.version), file.release.system, changed);
  }

  private async writeCodeFile(file: CodeFile, role: CodeRole, index: CategoryIndex): Promise<void> {
    const { system, version } = file.release;
    const id = releaseId(system, version);
    await this.counted(`${system} release`, 'import/release-begin', { release: { id, system, properties: releaseProperties(file) } }, 1);
    // Labels next to Code: the role (Diagnosis or Procedure) and the system id (ICD10CM, CPT, ...).
    const labels = [role === CodeRole.DIAGNOSIS ? 'Diagnosis' : 'Procedure', system];
    const rows = file.codes.map((c) => {
      const code = canonical(system, c.code);
      const props = {
        display: c.display,
        shortDisplay: c.shortDisplay,
        billable: c.billable,
        kind: codeKind(system, compactCode(code), c.billable),
        role,
        ...c.properties,
      };
      return { system, code, labels, props };
    });
    await this.batches(`${system} codes`, 'import/codes', rows, { releaseId: id });
    if (file.modifiers?.length) {
      const modifiers = file.modifiers.map((m) => ({ system, code: m.code, props: { display: m.display, shortDisplay: m.shortDisplay, ...m.properties } }));
      await this.batches(`${system} modifiers`, 'import/modifiers', modifiers, { releaseId: id });
    }
    const hasPrefixHierarchy = system === CodeSystemId.ICD10CM || system === CodeSystemId.ICD10;
    if (hasPrefixHierarchy) {
      const parents = parentsByPrefix(rows.map((r) => compactCode(r.code)));
      await this.batches(
        `${system} parents`,
        'import/code-parents',
        [...parents].map(([child, parent]) => ({ system, code: canonicalCode(system, child), parent: canonicalCode(system, parent) })),
      );
    }
    const filed: CodeCategoryRow[] = [];
    for (const { code } of rows) {
      const compact = compactCode(code);
      const category = file.categoryOf?.get(compact.slice(0, 3)) ?? index.categoryOf(system, compact)?.code;
      if (category) filed.push({ system, code, category: categoryId(system, category) });
    }
    await this.batches(`${system} categories`, 'import/code-categories', filed);
    if (file.addenda) {
      const added = file.addenda.added.map((code) => ({ system, code: canonical(system, code) }));
      const revised = file.addenda.revised.map((r) => ({ system, code: canonical(system, r.code), from: r.from, to: r.to }));
      await this.batches(`${system} addenda`, 'import/addenda-added', added, { releaseId: id });
      await this.batches(`${system} addenda`, 'import/addenda-revised', revised, { releaseId: id });
    }
  }

  /**
   * Notes as edges from where they are stated to each code or category they name (the text is part
   * of the edge's identity); a note that names none keeps its kind and text on where it is stated.
   */
  private async writeNotes(notes: NoteRecord[]): Promise<void> {
    const byShape = {
      codeToCode: [] as NoteLinkRow[],
      codeToCategory: [] as NoteLinkRow[],
      categoryToCode: [] as NoteLinkRow[],
      categoryToCategory: [] as NoteLinkRow[],
    };
    const free = new Map<string, { system: CodeSystemId; from: string; fromCategory: boolean; kinds: string[]; texts: string[] }>();
    for (const n of notes) {
      const from = n.fromCategory ? categoryId(n.system, n.from) : canonical(n.system, n.from);
      const fromCategory = n.fromCategory === true;
      for (const target of n.targets) {
        (fromCategory ? byShape.categoryToCode : byShape.codeToCode).push({
          system: n.system,
          from,
          target: canonical(n.system, target),
          kind: n.kind,
          text: n.text,
        });
      }
      for (const target of n.targetCategories ?? []) {
        (fromCategory ? byShape.categoryToCategory : byShape.codeToCategory).push({
          system: n.system,
          from,
          target: categoryId(n.system, target),
          kind: n.kind,
          text: n.text,
        });
      }
      if (n.targets.length === 0 && (n.targetCategories ?? []).length === 0) {
        const stater = free.get(`${String(fromCategory)}|${from}`) ?? { system: n.system, from, fromCategory, kinds: [], texts: [] };
        stater.kinds.push(n.kind);
        stater.texts.push(n.text);
        free.set(`${String(fromCategory)}|${from}`, stater);
      }
    }
    await this.batches('notes', 'import/notes', byShape.codeToCode);
    await this.batches('notes', 'import/notes-to-category', byShape.codeToCategory);
    await this.batches('notes', 'import/category-notes', byShape.categoryToCode);
    await this.batches('notes', 'import/category-notes-to-category', byShape.categoryToCategory);
    // Counted as notes (the summary's "notes with no code target"), written one stater per row.
    const staters = [...free.values()];
    const kinds = (s: FreeNoteRow): number => s.kinds.length;
    const step = 'notes with no code target';
    await this.writeBatches(
      step,
      'import/free-notes',
      staters.filter((s) => !s.fromCategory),
      { size: BATCH_SIZE, weight: kinds },
    );
    await this.writeBatches(
      step,
      'import/category-free-notes',
      staters.filter((s) => s.fromCategory),
      { size: BATCH_SIZE, weight: kinds },
    );
  }

  /** Where the loaded policies come from ('official', 'sample'), each once. */
  async policyOrigins(): Promise<string[]> {
    return (await this.executor.read('import/policy-origins')).map((r) => r.origin);
  }

  /**
   * Writes policies: nodes first (as 'loading'), then the codes they name that the graph lacks, the
   * governed procedures and each policy's listings in batches; then removes what the list no longer
   * has, and only then marks each policy complete (visible to queries).
   */
  async writePolicies(plan: PolicyPlan): Promise<void> {
    const changesBefore = this.totalChanges();
    await this.batches('policies', 'import/policies', plan.policies);
    await this.batches('policy reference codes', 'import/policy-reference-codes', plan.referenceCodes);
    await this.batches('policy procedures', 'import/policy-governs', plan.governs);
    const total = [...plan.listings.values()].reduce((sum, rows) => sum + rows.length, 0);
    // A policy that lists nothing yet gets the first row of each listing by CREATE, every other row
    // by MERGE afterwards (as GEM crosswalks and PTP edit sets: see the README, "CREATE into a fresh set").
    const fresh = new Set((await this.executor.read('import/policies-fresh', { ids: [...plan.listings.keys()] })).map((r) => r.id));
    let done = 0;
    for (const [policy, rows] of plan.listings) {
      const seen = fresh.has(policy) ? new FirstSeen() : null;
      const created: ListingRow[] = [];
      const merged: ListingRow[] = [];
      for (const r of rows) (seen && !seen.isRepeat(`${r.system}|${r.code}|${r.key}`) ? created : merged).push(r);
      for (const [name, part] of [
        ['import/policy-listings-new', created],
        ['import/policy-listings', merged],
      ] as const) {
        for (let start = 0; start < part.length; start += BATCH_SIZE) {
          const batch = part.slice(start, start + BATCH_SIZE);
          await this.counted('policy listings', name, { policy, rows: batch }, batch.length);
          done += batch.length;
          this.onProgress('policy listings', done, total);
        }
      }
    }
    for (const [policy, keep] of plan.keep) await this.counted('policy listings', 'import/policy-prune', { policy, ...keep }, 0);
    // As for releases: a changed list renews completedAt, which running services watch (cypher/cache/generation.cypher).
    const changed = this.totalChanges() > changesBefore;
    for (const policy of plan.keep.keys()) await this.counted('policies', 'import/policy-complete', { policy, changed }, 0);
  }

  private async completeRelease(id: string, system: string, changed: boolean): Promise<void> {
    for (;;) {
      const [row] = await this.counted(`${system} publish`, 'import/release-publish', { releaseId: id, limit: neo4j.int(PUBLISH_SLICE) }, 0);
      if (toNumber(row?.published ?? 0) === 0) break;
    }
    await this.counted(`${system} release`, 'import/release-complete', { releaseId: id, changed }, 0);
  }

  /** Writes rows in batches, each with `extra`'s parameters (required where the statement takes any beside `$rows`). */
  private batches<N extends BatchStatement>(
    step: string,
    name: N,
    rows: ReadonlyArray<BatchRow<N>>,
    ...[extra]: object extends BatchExtra<N> ? [extra?: BatchExtra<N>] : [extra: BatchExtra<N>]
  ): Promise<void> {
    return this.writeBatches(step, name, rows, { size: BATCH_SIZE, extra });
  }
}

/** The release node's properties: dates, source, file details, and the codes its addenda delete (ADDED_IN and REVISED_IN hold the rest). */
function releaseProperties(file: CodeFile): Properties {
  const { release, addenda } = file;
  return {
    system: release.system,
    version: release.version,
    effectiveFrom: release.effectiveFrom,
    effectiveTo: release.effectiveTo,
    source: release.source,
    ...file.releaseProperties,
    previousVersion: addenda?.previousVersion ?? null,
    deletedCodes: addenda ? addenda.deleted.map((d) => d.code) : null,
    deletedTitles: addenda ? addenda.deleted.map((d) => d.title) : null,
  };
}

function organizationRow(o: OrganizationRecord): OrganizationRecord {
  return { ...o };
}

function systemRow(s: CodeSystemRecord): CodeSystemRow {
  const { maintainedBy, adapts: _adapts, ...properties } = s;
  return { id: s.id, properties, maintainedBy };
}

function categoryRow(c: CategoryRecord, position: number): CategoryRow {
  return {
    id: categoryId(c.system, c.code),
    system: c.system,
    properties: {
      id: categoryId(c.system, c.code),
      system: c.system,
      kind: c.kind,
      code: c.code,
      title: c.title,
      rangeStart: c.rangeStart,
      rangeEnd: c.rangeEnd,
      sortKey: neo4j.int(position),
      ...c.properties,
    },
  };
}

function pairingRow(p: PairingRecord): PairingRow {
  const diagnosis = { system: p.diagnosis.system, code: canonical(p.diagnosis.system, p.diagnosis.code) };
  const procedure = { system: p.procedure.system, code: canonical(p.procedure.system, p.procedure.code) };
  return {
    id: `curated:${p.source}:${diagnosis.system}:${diagnosis.code}->${procedure.system}:${procedure.code}`,
    diagnosis,
    procedure,
    source: p.source,
    author: p.author,
    createdAt: p.createdAt,
    rationale: p.rationale,
  };
}
