import type { CodeRow, Properties } from '../import-rows';
import { toNumber } from '../../neo4j/values';
import { StepRepository } from '../step-stats';
import { FirstSeen } from '../first-seen';

const BATCH_SIZE = 10_000;

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

  /** Creates the crosswalk (or updates its properties); true when it holds no MAPS_TO edge yet. */
  async beginCrosswalk(step: string, id: string, props: Properties): Promise<boolean> {
    const [row] = await this.counted(step, 'import/crosswalk-begin', { id, props }, 0);
    return row?.fresh ?? false;
  }

  /**
   * Writes the entries in batches; `total` feeds the progress bar. Into a `fresh` crosswalk (no edge
   * of it exists yet) the first row of each edge is written with CREATE (gem-mappings-new), any
   * repeat of an edge afterwards with MERGE, which then finds the created edge: the same graph as
   * MERGE alone, without MERGE's look-up of every edge. An existing crosswalk is written with MERGE,
   * so a re-import changes only what differs.
   */
  async mappings(step: string, rows: GemMappingWrite[], total: number, fresh: boolean): Promise<void> {
    const codes = rows.filter((r) => r.target !== null);
    const noMaps = rows.filter((r) => r.target === null);
    if (!fresh) {
      await this.writeBatches(step, 'import/gem-mappings', codes, { size: BATCH_SIZE, total });
      await this.writeBatches(step, 'import/gem-no-maps', noMaps, { size: BATCH_SIZE, total, doneBefore: codes.length });
      return;
    }
    const seen = new FirstSeen();
    const firsts = { codes: [] as GemMappingWrite[], noMaps: [] as GemMappingWrite[] };
    const repeats = { codes: [] as GemMappingWrite[], noMaps: [] as GemMappingWrite[] };
    for (const row of rows) {
      const edge = `${row.fromSystem}|${row.source}|${row.toSystem}|${row.target ?? ''}|${row.key}`;
      const side = row.target === null ? 'noMaps' : 'codes';
      (seen.isRepeat(edge) ? repeats : firsts)[side].push(row);
    }
    let done = 0;
    for (const [name, batch] of [
      ['import/gem-mappings-new', firsts.codes],
      ['import/gem-no-maps-new', firsts.noMaps],
      ['import/gem-mappings', repeats.codes],
      ['import/gem-no-maps', repeats.noMaps],
    ] as const) {
      await this.writeBatches(step, name, batch, { size: BATCH_SIZE, total, doneBefore: done });
      done += batch.length;
    }
  }

  /** Marks the crosswalk complete (and publishes the GEM-only system's codes); returns its number of entries. */
  async completeCrosswalk(step: string, id: string, gemOnlySystem: string, changed: boolean): Promise<number> {
    const [row] = await this.counted(step, 'import/crosswalk-complete', { id, gemOnlySystem, changed }, 0);
    return row ? toNumber(row.mappings) : 0;
  }
}
