import { keysParam } from '../domain/code-key';
import type { ParamsOf, RowOf, StatementName } from '../neo4j/cypher-catalogue';
import type { CypherExecutor } from '../neo4j/executor';
import { toNumber } from '../neo4j/values';

/** What one named step of an import wrote. */
export interface StepStats {
  rows: number;
  nodesCreated: number;
  relationshipsCreated: number;
  otherChanges: number;
  millis: number;
}

/** The statements that write a batch of rows given as `$rows`. */
export type BatchStatement = { [N in StatementName]: ParamsOf<N> extends { rows: ReadonlyArray<unknown> } ? N : never }[StatementName];

/** One row of a batch statement's `$rows`. */
export type BatchRow<N extends BatchStatement> = ParamsOf<N> extends { rows: ReadonlyArray<infer R> } ? R : never;

/** The parameters a batch statement takes beside `$rows` (the release, the edit set). */
export type BatchExtra<N extends BatchStatement> = Omit<ParamsOf<N>, 'rows'>;

/** Told after every committed batch: the step ("ICD10CM codes"), rows so far and rows in all. */
export type ProgressListener = (step: string, done: number, total: number) => void;

/**
 * What every import repository shares: the executor, the per-step counts its summary is built from,
 * and counted, batched, idempotent writes. The subclasses hold each import's own statements.
 */
export abstract class StepRepository {
  readonly stats = new Map<string, StepStats>();

  constructor(
    protected readonly executor: CypherExecutor,
    protected readonly onProgress: ProgressListener = () => {},
  ) {}

  async graphCounts(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.executor.read('import/graph-counts');
    return { nodes: toNumber(row?.nodes ?? 0), relationships: toNumber(row?.relationships ?? 0) };
  }

  /** Every ICD-10-CM code with its tabular position (null where no order file gave one). */
  async icd10cmSequence(): Promise<Array<{ code: string; sequence: number | null }>> {
    const rows = await this.executor.read('import/icd10cm-sequence');
    return rows.map((r) => ({ code: r.code, sequence: r.sequence === null ? null : toNumber(r.sequence) }));
  }

  /** Per "system|code": whether the graph holds it and whether its system has a complete release. */
  async codesPresent(keys: ReadonlyArray<{ system: string; code: string }>): Promise<Map<string, { present: boolean; systemLoaded: boolean }>> {
    const rows = await this.executor.read('import/codes-present', keysParam(keys));
    return new Map(rows.map((r) => [r.key, { present: r.present, systemLoaded: r.systemLoaded }]));
  }

  /** Everything the steps changed so far (nodes, relationships, properties and labels). */
  totalChanges(): number {
    let total = 0;
    for (const s of this.stats.values()) total += s.nodesCreated + s.relationshipsCreated + s.otherChanges;
    return total;
  }

  /** One idempotent write, its counts added to its step's. */
  protected async counted<N extends StatementName>(step: string, name: N, params: ParamsOf<N>, rows: number): Promise<Array<RowOf<N>>> {
    const began = performance.now();
    const result = await this.executor.writeCounted(name, params);
    const seen = this.stats.get(step) ?? { rows: 0, nodesCreated: 0, relationshipsCreated: 0, otherChanges: 0, millis: 0 };
    seen.rows += rows;
    seen.nodesCreated += result.counts.nodesCreated;
    seen.relationshipsCreated += result.counts.relationshipsCreated;
    seen.otherChanges += result.counts.otherChanges;
    seen.millis += performance.now() - began;
    this.stats.set(step, seen);
    return result.rows;
  }

  /**
   * Writes rows in batches of `size` (each with `extra`'s parameters beside `rows`), reporting
   * progress as `done` of `total`, offset by `doneBefore` when one step spans several calls. A row
   * counts as one in the step's rows unless `weight` says how many it stands for.
   */
  protected async writeBatches<N extends BatchStatement>(
    step: string,
    name: N,
    rows: ReadonlyArray<BatchRow<N>>,
    options: { size: number; extra?: BatchExtra<N>; total?: number; doneBefore?: number; weight?: (row: BatchRow<N>) => number },
  ): Promise<void> {
    const { size, extra, total = rows.length, doneBefore = 0, weight } = options;
    for (let start = 0; start < rows.length; start += size) {
      const batch = rows.slice(start, start + size);
      // `extra` and `rows` are the statement's parameters (BatchExtra and BatchRow split ParamsOf<N>).
      await this.counted(step, name, { ...extra, rows: batch } as ParamsOf<N>, weight ? batch.reduce((sum, row) => sum + weight(row), 0) : batch.length);
      this.onProgress(step, doneBefore + Math.min(start + size, rows.length), total);
    }
  }
}
