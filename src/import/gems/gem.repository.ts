import type { CodeRow, Properties } from '../import-rows';
import { toNumber } from '../../neo4j/values';
import { StepRepository } from '../step-stats';

/** One GEM entry as cypher/import/gem-mappings (and gem-no-maps) write it. */
export type GemMappingWrite = {
  fromSystem: string;
  source: string;
  toSystem: string;
  /** Null for a "no map" entry (gem-no-maps: the edge ends at the target CodeSystem). */
  target: string | null;
  /** Crosswalk, scenario and choice list: one edge per entry of a pair of codes. */
  key: string;
  props: {
    crosswalk: string;
    approximate: boolean;
    noMap: boolean;
    combination: boolean;
    scenario: number;
    choiceList: number;
    flags: string;
  };
};

/** The Cypher of the GEM import (cypher/import/crosswalk-*, gem-*), with what each step wrote. */
export class GemRepository extends StepRepository {
  async crosswalkOrigins(): Promise<string[]> {
    return (await this.executor.read('import/crosswalk-origins')).map((r) => r.origin);
  }

  /** Codes to create when absent (ICD-9-CM codes, retired ICD-10 references); existing ones are left as they are. */
  async referenceCodes(step: string, rows: CodeRow[]): Promise<void> {
    await this.writeBatches(step, 'import/policy-reference-codes', rows, { size: 10_000, total: 0 });
  }

  async beginCrosswalk(step: string, id: string, props: Properties): Promise<void> {
    await this.counted(step, 'import/crosswalk-begin', { id, props }, 0);
  }

  /** Writes the entries in batches; `doneBefore`/`total` feed the progress bar. */
  async mappings(step: string, rows: GemMappingWrite[], total: number): Promise<void> {
    const codes = rows.filter((r) => r.target !== null);
    const noMaps = rows.filter((r) => r.target === null);
    await this.writeBatches(step, 'import/gem-mappings', codes, { size: 10_000, total });
    await this.writeBatches(step, 'import/gem-no-maps', noMaps, { size: 10_000, total, doneBefore: codes.length });
  }

  /** Marks the crosswalk complete (and publishes the GEM-only system's codes); returns its number of entries. */
  async completeCrosswalk(step: string, id: string, gemOnlySystem: string, changed: boolean): Promise<number> {
    const [row] = await this.counted(step, 'import/crosswalk-complete', { id, gemOnlySystem, changed }, 0);
    return row ? toNumber(row.mappings) : 0;
  }
}
