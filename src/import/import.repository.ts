import neo4j from 'neo4j-driver';
import { compactCode, normalizeCode } from '../common/code-format';
import { CodeSystemId } from '../common/code-system-id';
import type { CypherExecutor, Row } from '../neo4j/executor';
import { mapBy, toNumber } from '../neo4j/values';
import { CodeRole } from '../modules/code-system/code-role.enum';
import { CodeKind } from '../modules/code/code-kind.enum';
import { CategoryIndex, parentsByPrefix } from './hierarchy';
import type { CategoryRecord, CodeFile, CodeSystemRecord, ImportBundle, NoteRecord, OrganizationRecord, PairingRecord } from './records';

const BATCH_SIZE = 5_000;

export function categoryId(system: string, code: string): string {
  return `${system}:${code}`;
}

export function releaseId(system: string, version: string): string {
  return `${system}:${version}`;
}

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
 * the importer needs. Every write is idempotent, so a second run, or a run after an interrupted
 * one, converges on the same graph. A release is `loading` until all of its batches are committed.
 */
export class ImportRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async graphCounts(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.executor.read('import/graph-counts');
    return { nodes: toNumber(row?.nodes ?? 0), relationships: toNumber(row?.relationships ?? 0) };
  }

  /** True when the graph holds no release yet (nothing, or only what an interrupted first import wrote). */
  async hasNoRelease(): Promise<boolean> {
    const [row] = await this.executor.read('import/graph-state');
    return row?.noReleases === true;
  }

  /** The status ('loading' or 'complete') of each release that exists, by id. */
  async releaseStatuses(ids: string[]): Promise<Map<string, string>> {
    return mapBy(await this.executor.read('import/release-statuses', { ids }), 'id', 'status');
  }

  async writeBundle(bundle: ImportBundle, onProgress: (step: string, rows: number) => void = () => {}): Promise<void> {
    await this.batches('import/organizations', bundle.organizations.map(organizationRow), onProgress);
    await this.batches('import/code-systems', bundle.systems.map(systemRow), onProgress);
    await this.batches('import/system-adapts', bundle.systems.filter((s) => s.adapts).map((s) => ({ id: s.id, adapts: s.adapts })), onProgress);
    await this.batches('import/categories', bundle.categories.map(categoryRow), onProgress);
    await this.batches(
      'import/category-parents',
      bundle.categories.filter((c) => c.parent).map((c) => ({ id: categoryId(c.system, c.code), parent: categoryId(c.system, c.parent!) })),
      onProgress,
    );
    const index = new CategoryIndex(bundle.categories);
    const roles = new Map(bundle.systems.map((s) => [s.id, s.role]));
    for (const file of bundle.codeFiles) await this.writeCodeFile(file, roles.get(file.release.system) ?? CodeRole.PROCEDURE, index, onProgress);
    await this.batches('import/notes', notesRows(bundle.notes), onProgress);
    await this.batches('import/pairings', bundle.pairings.map(pairingRow), onProgress);
  }

  private async writeCodeFile(file: CodeFile, role: CodeRole, index: CategoryIndex, onProgress: (step: string, rows: number) => void): Promise<void> {
    const { system, version } = file.release;
    const id = releaseId(system, version);
    await this.executor.write('import/release-begin', { release: { id, ...file.release } });
    // Labels next to Code: the role (Diagnosis or Procedure) and the system id (ICD10CM, CPT, ...).
    const labels = [role === CodeRole.DIAGNOSIS ? 'Diagnosis' : 'Procedure', system];
    await this.batches(
      'import/codes',
      file.codes.map((c) => {
        const code = canonical(system, c.code);
        return {
        system,
        code,
        display: c.display,
        shortDisplay: c.shortDisplay,
        billable: c.billable,
        kind: codeKind(system, compactCode(code), c.billable),
        role,
        labels,
        };
      }),
      onProgress,
      { releaseId: id },
    );
    const hasPrefixHierarchy = system === CodeSystemId.ICD10CM || system === CodeSystemId.ICD10;
    if (hasPrefixHierarchy) {
      const parents = parentsByPrefix(file.codes.map((c) => compactCode(canonical(system, c.code))));
      await this.batches(
        'import/code-parents',
        [...parents].map(([child, parent]) => ({ system, code: canonical(system, child), parent: canonical(system, parent) })),
        onProgress,
      );
    }
    const filed: Row[] = [];
    for (const c of file.codes) {
      const code = canonical(system, c.code);
      const category = index.categoryOf(system, compactCode(code));
      if (category) filed.push({ system, code, category: categoryId(system, category.code) });
    }
    await this.batches('import/code-categories', filed, onProgress);
    await this.executor.write('import/release-complete', { releaseId: id });
  }

  private async batches(name: string, rows: Row[], onProgress: (step: string, rows: number) => void, extra: Row = {}): Promise<void> {
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const batch = rows.slice(start, start + BATCH_SIZE);
      await this.executor.write(name, { ...extra, rows: batch });
      onProgress(name, batch.length);
    }
  }
}

function organizationRow(o: OrganizationRecord): Row {
  return { ...o };
}

function systemRow(s: CodeSystemRecord): Row {
  const { maintainedBy, adapts: _adapts, ...properties } = s;
  return { id: s.id, properties, maintainedBy };
}

function categoryRow(c: CategoryRecord, position: number): Row {
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
    },
  };
}

function notesRows(notes: NoteRecord[]): Row[] {
  return notes.flatMap((n) =>
    n.targets.map((target) => ({ system: n.system, from: canonical(n.system, n.from), target: canonical(n.system, target), kind: n.kind, text: n.text })),
  );
}

function pairingRow(p: PairingRecord): Row {
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
