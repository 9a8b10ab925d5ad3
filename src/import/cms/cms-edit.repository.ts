import type { ParamsOf } from '../../neo4j/cypher-catalogue';
import { StepRepository, type BatchRow } from '../step-stats';
import type { Properties } from '../import-rows';

/** The two statements that write a batch of NCCI edits into a set. */
export type EditStatement = 'import/ptp-edits' | 'import/ptp-edits-new' | 'import/mue-edits';

/** The Cypher of the NCCI edit import (cypher/import/edit-set-*, ptp-edits, mue-edits), with what each step wrote. */
export class CmsEditRepository extends StepRepository {
  /** The "system|code" keys of the given codes that the graph holds. */
  async presentKeys(keys: ReadonlyArray<{ system: string; code: string }>): Promise<Set<string>> {
    return new Set([...(await this.codesPresent(keys))].filter(([, c]) => c.present).map(([key]) => key));
  }

  /** Creates the set (or updates its properties); true when no edge of it exists yet. */
  async beginSet(step: string, id: string, props: Properties): Promise<boolean> {
    const [row] = await this.counted(step, 'import/edit-set-begin', { id, props }, 0);
    return row?.fresh ?? false;
  }

  /** Writes one batch; `done`/`total` feed the progress bar. */
  async writeBatch<N extends EditStatement>(step: string, name: N, rows: Array<BatchRow<N>>, set: string, done: number, total: number): Promise<void> {
    // Both statements take the edit set's id beside the rows: { set, rows } is ParamsOf<N>.
    await this.counted(step, name, { set, rows } as ParamsOf<N>, rows.length);
    this.onProgress(step, done, total);
  }

  async completeSet(step: string, id: string, changed: boolean): Promise<number> {
    const [row] = await this.counted(step, 'import/edit-set-complete', { id, changed }, 0);
    return Number(row?.edits ?? 0);
  }
}
