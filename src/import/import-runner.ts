import Table from 'cli-table3';
import type { CypherExecutor } from '../neo4j/executor';
import { checkBundle } from './check-bundle';
import { ImportRepository, type ProgressListener, type StepStats } from './import.repository';
import type { ImportBundle } from './records';

export interface ImportSummary {
  nodesBefore: number;
  nodesAfter: number;
  relationshipsBefore: number;
  relationshipsAfter: number;
  /** What each step wrote, in the order the steps ran. */
  steps: Array<{ step: string } & StepStats>;
  /** Nodes and relationships created, properties and labels changed: 0 when the graph already held the bundle. */
  changes: number;
  codesBySystem: Record<string, number>;
  /** Things the sources named that could not be tied to the graph (note targets, ...), by kind. */
  unresolved: Record<string, number>;
  millis: number;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * Checks a bundle, then writes it. The one path every source takes: the bundled sample and the
 * official release files.
 */
export async function runImport(
  executor: CypherExecutor,
  bundle: ImportBundle,
  options: { onProgress?: ProgressListener; unresolved?: Record<string, number> } = {},
): Promise<ImportSummary> {
  const problems = checkBundle(bundle);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('\n  ');
    throw new ImportError(`import refused, nothing was written: ${problems.length} problem(s):\n  ${shown}${problems.length > 20 ? '\n  ...' : ''}`);
  }
  const began = Date.now();
  const repository = new ImportRepository(executor, options.onProgress);
  const before = await repository.graphCounts();
  await repository.writeBundle(bundle);
  const codesBySystem: Record<string, number> = {};
  for (const file of bundle.codeFiles) codesBySystem[file.release.system] = (codesBySystem[file.release.system] ?? 0) + file.codes.length;
  return summarize(repository, before, began, codesBySystem, options.unresolved ?? {});
}

/** The summary of what a repository wrote since `before` (graph counts) and `began` (Date.now()). */
/** What a summary is read from: any import repository's graph counts and step statistics. */
export interface Summarized {
  graphCounts(): Promise<{ nodes: number; relationships: number }>;
  readonly stats: ReadonlyMap<string, StepStats>;
}

export async function summarize(
  repository: Summarized,
  before: { nodes: number; relationships: number },
  began: number,
  codesBySystem: Record<string, number>,
  unresolved: Record<string, number>,
): Promise<ImportSummary> {
  const after = await repository.graphCounts();
  const steps = [...repository.stats].map(([step, stats]) => ({ step, ...stats }));
  return {
    nodesBefore: before.nodes,
    nodesAfter: after.nodes,
    relationshipsBefore: before.relationships,
    relationshipsAfter: after.relationships,
    steps,
    changes: steps.reduce((sum, s) => sum + s.nodesCreated + s.relationshipsCreated + s.otherChanges, 0),
    codesBySystem,
    unresolved,
    millis: Date.now() - began,
  };
}

/** Merges the summaries of several imports run one after another (one per code system). */
export function mergeSummaries(summaries: ImportSummary[]): ImportSummary {
  const first = summaries[0];
  const last = summaries[summaries.length - 1];
  return {
    nodesBefore: first.nodesBefore,
    nodesAfter: last.nodesAfter,
    relationshipsBefore: first.relationshipsBefore,
    relationshipsAfter: last.relationshipsAfter,
    steps: summaries.flatMap((s) => s.steps),
    changes: summaries.reduce((sum, s) => sum + s.changes, 0),
    codesBySystem: Object.assign({}, ...summaries.map((s) => s.codesBySystem)) as ImportSummary['codesBySystem'],
    unresolved: Object.assign({}, ...summaries.map((s) => s.unresolved)) as ImportSummary['unresolved'],
    millis: summaries.reduce((sum, s) => sum + s.millis, 0),
  };
}

/** The summary table printed at the end of an import. */
export function formatSummary(summary: ImportSummary): string {
  const table = new Table({
    head: ['step', 'rows', 'nodes created', 'relationships created', 'other changes', 'seconds'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const s of summary.steps) {
    table.push([s.step, s.rows, s.nodesCreated, s.relationshipsCreated, s.otherChanges, (s.millis / 1000).toFixed(1)]);
  }
  const lines = [
    table.toString(),
    `nodes          ${summary.nodesBefore} -> ${summary.nodesAfter} (${signed(summary.nodesAfter - summary.nodesBefore)})`,
    `relationships  ${summary.relationshipsBefore} -> ${summary.relationshipsAfter} (${signed(summary.relationshipsAfter - summary.relationshipsBefore)})`,
    ...Object.entries(summary.codesBySystem).map(([system, count]) => `codes ${system.padEnd(9)}${count}`),
    ...Object.entries(summary.unresolved).map(([what, count]) => `unresolved     ${what}: ${count}`),
    `changes        ${summary.changes}${summary.changes === 0 ? ' (the graph already held all of it)' : ''}`,
    `time           ${(summary.millis / 1000).toFixed(1)} s`,
  ];
  return lines.join('\n');
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}
