import { StepRepository, type BatchRow, type BatchStatement } from '../step-stats';

const BATCH_SIZE = 10_000;

/** The Cypher of the LCD article import (cypher/import/lcd-*, policy-reference-codes, policy-complete), with what each step wrote. */
export class LcdArticleRepository extends StepRepository {
  /** Writes rows in batches of 10,000, reporting progress as `done` of `total` (offset by `doneBefore`). */
  batches<N extends BatchStatement>(step: string, name: N, rows: ReadonlyArray<BatchRow<N>>, total = rows.length, doneBefore = 0): Promise<void> {
    return this.writeBatches(step, name, rows, { size: BATCH_SIZE, total, doneBefore });
  }

  async prune(step: string, policy: string, keep: { listings: string[]; governs: string[]; groups: string[] }): Promise<void> {
    await this.counted(step, 'import/lcd-prune', { policy, ...keep }, 0);
  }

  /** Retires the complete LCD articles not among `current` (see cypher/import/lcd-retire); their ids. */
  async retireAbsent(step: string, current: string[], fileDate: string | null): Promise<string[]> {
    return (await this.counted(step, 'import/lcd-retire', { current, fileDate }, 0)).map((r) => r.id);
  }

  async complete(step: string, policy: string, changed: boolean): Promise<void> {
    await this.counted(step, 'import/policy-complete', { policy, changed }, 0);
  }
}
