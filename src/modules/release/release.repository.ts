import { keysParam } from '../../domain/code-key';
import { canonicalCode, type CodeKey } from '../../common/code-format';
import type { Integer } from 'neo4j-driver';
import type { ReleaseCache } from '../../cache/release-cache';
import { CLAIM_CODE_SETS } from '../../domain/code-system-id';
import type { ReleaseWindow } from '../../domain/date-rule';
import type { CypherExecutor } from '../../neo4j/executor';
import { mapBy, toNumber } from '../../neo4j/values';
import type { CodeSystemId } from '../code-system/code-system-id.enum';
import type { DeletedCode, ReleaseNode } from './release.type';

export interface CodeReleases {
  validIn: string[];
  addedIn: string[];
  revisions: Array<{ release: string; from: string; to: string }>;
}

function optionalNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

function optionalDate(value: unknown): string | null {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a neo4j Date prints as its ISO date
  return value === null || value === undefined ? null : String(value);
}

/** A Release node's properties as the import wrote them, with what release/by-ids counts beside them (a Neo4j Date prints as its ISO date). */
export interface ReleaseProperties {
  id: string;
  system: CodeSystemId;
  version: string;
  effectiveFrom: { toString(): string };
  effectiveTo?: { toString(): string } | null;
  source?: unknown;
  status: string;
  codeCount: Integer | number;
  previousVersion?: string | null;
  addedCount: Integer | null;
  revisedCount: Integer | null;
  deletedCodes?: string[] | null;
  deletedTitles?: string[] | null;
  files?: string[] | null;
}

/**
 * Neo4j dates and integers become strings and numbers here. Only complete releases come here: the
 * import gives every release its first day and, on completion, its code count. Deleted codes are
 * written as the addenda list them (E119) and answered with the system's dot (E11.9).
 */
export function toReleaseNode(row: ReleaseProperties): ReleaseNode {
  const titles = row.deletedTitles ?? [];
  const deleted: DeletedCode[] = (row.deletedCodes ?? []).map((code, i) => ({
    code: canonicalCode(row.system, code),
    listedAs: code,
    display: titles[i] ?? '',
  }));
  return {
    id: row.id,
    system: row.system,
    version: row.version,
    effectiveFrom: row.effectiveFrom.toString(),
    effectiveTo: optionalDate(row.effectiveTo),
    source: typeof row.source === 'string' ? row.source : '',
    status: row.status,
    codeCount: toNumber(row.codeCount),
    previousVersion: row.previousVersion ?? null,
    addedCount: optionalNumber(row.addedCount),
    revisedCount: optionalNumber(row.revisedCount),
    deleted,
    files: row.files ?? [],
  };
}

/** Releases, and which releases codes belong to. Only complete releases are ever returned. */
export class ReleaseRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null = null,
  ) {}

  /** Every complete release of the claim code sets with its window, newest first per system (through the cache: it changes only on import). */
  windows(): Promise<ReleaseWindow[]> {
    const read = () => this.executor.read('release/windows', { systems: [...CLAIM_CODE_SETS] });
    // Read once per request (a repository lives for one request), through the process cache when there is one.
    this.windowsRead ??= this.cache ? this.cache.one('release/windows', '', read) : read();
    return this.windowsRead;
  }

  private windowsRead: Promise<ReleaseWindow[]> | undefined;

  async byIds(ids: readonly string[]): Promise<Map<string, ReleaseNode>> {
    const rows = await this.executor.read('release/by-ids', { ids });
    return new Map(rows.map((row) => [row.id, toReleaseNode(row.release)]));
  }

  async ofSystems(ids: readonly CodeSystemId[]): Promise<Map<string, string[]>> {
    return mapBy(await this.executor.read('release/of-systems', { ids }), 'id', 'releases');
  }

  async byCodes(keys: readonly CodeKey[]): Promise<Map<string, CodeReleases>> {
    const rows = await this.executor.read('release/by-codes', keysParam(keys));
    return new Map(rows.map(({ key, validIn, addedIn, revisions }) => [key, { validIn, addedIn, revisions }]));
  }
}
