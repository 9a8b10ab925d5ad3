import { StepRepository } from '../step-stats';
import type { Row } from '../../neo4j/executor';
import type { StatementName } from '../../neo4j/cypher-catalogue';

const BATCH_SIZE = 10_000;

/** The Cypher of the LCD article import (cypher/import/lcd-*, policy-reference-codes, policy-complete), with what each step wrote. */
export class LcdArticleRepository extends StepRepository {
  /** Writes rows in batches of 10,000, reporting progress as `done` of `total` (offset by `doneBefore`). */
  batches(step: string, name: StatementName, rows: Row[], total = rows.length, doneBefore = 0): Promise<void> {
    return this.writeBatches(step, name, rows, { size: BATCH_SIZE, total, doneBefore });
  }

  async prune(step: string, policy: string, keep: { listings: string[]; governs: string[]; groups: string[] }): Promise<void> {
    await this.counted(step, 'import/lcd-prune', { policy, ...keep }, 0);
  }

  async complete(step: string, policy: string, changed: boolean): Promise<void> {
    await this.counted(step, 'import/policy-complete', { policy, changed }, 0);
  }
}
