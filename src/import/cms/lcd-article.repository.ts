import { StepRepository } from '../step-stats';
import type { Row } from '../../neo4j/executor';
import type { StatementName } from '../../neo4j/cypher-catalogue';

const BATCH_SIZE = 10_000;

/** The Cypher of the LCD article import (cypher/import/lcd-*, policy-reference-codes, policy-complete), with what each step wrote. */
export class LcdArticleRepository extends StepRepository {
  async icd10cmSequence(): Promise<Array<{ code: string; sequence: number | null }>> {
    const rows = await this.executor.read('import/icd10cm-sequence');
    return rows.map((r) => ({ code: String(r.code), sequence: r.sequence === null || r.sequence === undefined ? null : Number(r.sequence) }));
  }

  /** Per "system|code": whether the graph holds it and whether its system has a complete release. */
  async codesPresent(keys: ReadonlyArray<{ system: string; code: string }>): Promise<Map<string, { present: boolean; systemLoaded: boolean }>> {
    const rows = await this.executor.read('import/codes-present', { keys: keys.map(({ system, code }) => ({ system, code })) });
    return new Map(rows.map((r) => [String(r.key), { present: r.present === true, systemLoaded: r.systemLoaded === true }]));
  }

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
