import type { CypherExecutor } from '../neo4j/executor';
import { checkBundle } from './check-bundle';
import { ImportRepository } from './import.repository';
import type { ImportBundle } from './records';

export interface ImportSummary {
  nodesBefore: number;
  nodesAfter: number;
  relationshipsBefore: number;
  relationshipsAfter: number;
  rowsWritten: Record<string, number>;
  codesBySystem: Record<string, number>;
  millis: number;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * Checks a bundle, then writes it. The one path every source takes: the bundled sample today,
 * the official release files through the same writer.
 */
export async function runImport(executor: CypherExecutor, bundle: ImportBundle, onProgress?: (step: string, rows: number) => void): Promise<ImportSummary> {
  const problems = checkBundle(bundle);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('\n  ');
    throw new ImportError(`import refused, nothing was written: ${problems.length} problem(s):\n  ${shown}${problems.length > 20 ? '\n  ...' : ''}`);
  }
  const began = Date.now();
  const repository = new ImportRepository(executor);
  const before = await repository.graphCounts();
  const rowsWritten: Record<string, number> = {};
  await repository.writeBundle(bundle, (step, rows) => {
    rowsWritten[step] = (rowsWritten[step] ?? 0) + rows;
    onProgress?.(step, rows);
  });
  const after = await repository.graphCounts();
  const codesBySystem: Record<string, number> = {};
  for (const file of bundle.codeFiles) codesBySystem[file.release.system] = (codesBySystem[file.release.system] ?? 0) + file.codes.length;
  return {
    nodesBefore: before.nodes,
    nodesAfter: after.nodes,
    relationshipsBefore: before.relationships,
    relationshipsAfter: after.relationships,
    rowsWritten,
    codesBySystem,
    millis: Date.now() - began,
  };
}

export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `nodes          ${summary.nodesBefore} -> ${summary.nodesAfter} (${signed(summary.nodesAfter - summary.nodesBefore)})`,
    `relationships  ${summary.relationshipsBefore} -> ${summary.relationshipsAfter} (${signed(summary.relationshipsAfter - summary.relationshipsBefore)})`,
    ...Object.entries(summary.codesBySystem).map(([system, count]) => `codes ${system.padEnd(9)}${count}`),
    `time           ${(summary.millis / 1000).toFixed(1)} s`,
  ];
  return lines.join('\n');
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}
