import { StepRepository } from '../step-stats';
import type { Row } from '../../neo4j/executor';

/** The Cypher of the NCCI edit import (cypher/import/edit-set-*, ptp-edits, mue-edits), with what each step wrote. */
export class CmsEditRepository extends StepRepository {
  /** The "system|code" keys of the given codes that the graph holds. */
  async presentKeys(keys: ReadonlyArray<{ system: string; code: string }>): Promise<Set<string>> {
    return new Set([...(await this.codesPresent(keys))].filter(([, c]) => c.present).map(([key]) => key));
  }

  beginSet(step: string, id: string, props: Row): Promise<void> {
    return this.counted(step, 'import/edit-set-begin', { id, props }, 0).then(() => undefined);
  }

  /** Writes one batch; `done`/`total` feed the progress bar. */
  async writeBatch(step: string, name: 'import/ptp-edits' | 'import/mue-edits', rows: Row[], extra: Row, done: number, total: number): Promise<void> {
    await this.counted(step, name, { ...extra, rows }, rows.length);
    this.onProgress(step, done, total);
  }

  async completeSet(step: string, id: string, changed: boolean): Promise<number> {
    const [row] = await this.counted(step, 'import/edit-set-complete', { id, changed }, 0);
    return Number(row?.edits ?? 0);
  }
}
