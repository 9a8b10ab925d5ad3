import { keysParam } from '../../domain/code-key';
import type { Integer } from 'neo4j-driver';
import type { CodeKey } from '../../common/code-format';
import type { CodeSystemId } from '../../domain/code-system-id';
import type { CypherExecutor } from '../../neo4j/executor';
import { toNumber } from '../../neo4j/values';
import type { CodeNode } from '../code/code.type';

/** One GEM entry as cypher/crosswalk/maps-to and mapped-from return it: the code at the other end (null for "no map"). */
export interface GemMappingRow {
  other: CodeNode | null;
  from: CodeSystemId;
  to: CodeSystemId;
  version: string;
  sourceFile: string;
  approximate: boolean;
  noMap: boolean;
  combination: boolean;
  scenario: Integer;
  choiceList: Integer;
  flags: string;
}

/** A GEM entry with its numbers converted. */
export type GemMappingFacts = Omit<GemMappingRow, 'scenario' | 'choiceList'> & { scenario: number; choiceList: number };

/** A code and the GEM entries from it (or to it). */
export interface CodeMappings {
  code: CodeNode;
  mappings: GemMappingFacts[];
}

/** The GEM crosswalks the code fields and translate read (cypher/crosswalk/*): only entries of complete crosswalks. */
export class CrosswalkRepository {
  constructor(private readonly executor: CypherExecutor) {}

  /** The entries from each code, keyed "SYSTEM|code"; a code the graph lacks is absent. */
  mapsTo(keys: readonly CodeKey[]): Promise<Map<string, CodeMappings>> {
    return this.readMappings('crosswalk/maps-to', keys);
  }

  /** The entries that lead to each code, keyed "SYSTEM|code". */
  mappedFrom(keys: readonly CodeKey[]): Promise<Map<string, CodeMappings>> {
    return this.readMappings('crosswalk/mapped-from', keys);
  }

  private async readMappings(name: 'crosswalk/maps-to' | 'crosswalk/mapped-from', keys: readonly CodeKey[]): Promise<Map<string, CodeMappings>> {
    const rows = await this.executor.read(name, keysParam(keys));
    return new Map(
      rows.map((r) => [
        r.key,
        { code: r.code, mappings: r.mappings.map((m) => ({ ...m, scenario: toNumber(m.scenario), choiceList: toNumber(m.choiceList) })) },
      ]),
    );
  }
}

/** The repositories of this module, as the request context holds them. */
export interface CrosswalkRepositories {
  crosswalks: CrosswalkRepository;
}
