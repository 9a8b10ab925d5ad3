import { keysParam } from '../../domain/code-key';
import { paramKey, type ReleaseCache } from '../../cache/release-cache';
import type { CodeKey } from '../../common/code-format';
import { codeKeyString } from '../../domain/code-key';
import type { NcciSetting } from '../../domain/ncci';
import type { CypherExecutor } from '../../neo4j/executor';
import { toNumber } from '../../neo4j/values';
import type { CodeNode } from '../code/code.type';

/** An NCCI PTP edit as the graph holds it (cypher/import/ptp-edits.cypher writes it from the CMS file). */
export interface PtpEditFacts {
  /** 0 not allowed, 1 allowed, 9 not applicable. */
  modifierIndicator: number;
  effectiveFrom: string;
  /** The deletion date, or null while in force. */
  effectiveTo: string | null;
  before1996: boolean;
  rationale: string;
  setting: NcciSetting;
  fileVersion: string;
  sourceFile: string;
}

/** One edit of a code: which column the code is, and the other code. */
export interface PtpEditOfCode extends PtpEditFacts {
  column: 1 | 2;
  other: CodeNode;
}

/** An edit between two codes of a claim, keyed "SYSTEM|code" on both ends. */
export interface PtpEditBetween {
  column1: string;
  column2: string;
  edit: PtpEditFacts;
}

/** A medically unlikely edit of a code, from one MUE table. */
export interface MueFacts {
  units: number;
  /** 1 line, 2 date of service (policy), 3 date of service (clinical). */
  adjudication: number;
  /** The indicator in CMS's words ("Date of Service Edit: Policy"). */
  adjudicationText: string;
  rationale: string;
  setting: NcciSetting;
  fileVersion: string;
  sourceFile: string;
}

type Raw = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function ptpFacts(raw: Raw): PtpEditFacts {
  return {
    modifierIndicator: toNumber(raw.modifierIndicator),
    effectiveFrom: String(raw.effectiveFrom),
    effectiveTo: (raw.effectiveTo as string | null) ?? null,
    before1996: raw.before1996 === true,
    rationale: text(raw.rationale),
    setting: raw.setting as NcciSetting,
    fileVersion: String(raw.fileVersion),
    sourceFile: String(raw.sourceFile),
  };
}

function mueFacts(raw: Raw): MueFacts {
  return {
    units: toNumber(raw.units),
    adjudication: toNumber(raw.adjudication),
    adjudicationText: text(raw.adjudicationText),
    rationale: text(raw.rationale),
    setting: raw.setting as NcciSetting,
    fileVersion: String(raw.fileVersion),
    sourceFile: String(raw.sourceFile),
  };
}

/**
 * The NCCI edits the claim check and the Procedure fields read (cypher/claim/*): only edits of
 * complete edit sets. With a cache, answers it holds are not read again (its generation follows the
 * edit sets, so an import clears it).
 */
export class ClaimEditRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null = null,
  ) {}

  private through<V>(name: string, keys: readonly CodeKey[], fetch: (batch: readonly CodeKey[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    return this.cache ? this.cache.through(name, keys, codeKeyString, fetch) : fetch(keys);
  }

  /** Every PTP edit of each code, both directions, keyed "SYSTEM|code". */
  ptpEdits(keys: readonly CodeKey[]): Promise<Map<string, PtpEditOfCode[]>> {
    return this.through('claim/ptp-edits', keys, (batch) => this.readPtpEdits(batch));
  }

  private async readPtpEdits(keys: readonly CodeKey[]): Promise<Map<string, PtpEditOfCode[]>> {
    const rows = await this.executor.read('claim/ptp-edits', keysParam(keys));
    return new Map(
      rows.map((r) => [r.key, r.edits.map((edit) => ({ ...ptpFacts(edit), column: toNumber(edit.column) === 1 ? 1 : 2, other: edit.other as CodeNode }))]),
    );
  }

  /** The PTP edits whose two codes are both among the keys (a claim's procedures). */
  async ptpBetween(keys: readonly CodeKey[]): Promise<PtpEditBetween[]> {
    if (keys.length < 2) return [];
    const sorted = [...keys].sort((a, b) => codeKeyString(a).localeCompare(codeKeyString(b)));
    return this.cache ? this.cache.one('claim/ptp-between', paramKey({ keys: sorted }), () => this.readPtpBetween(sorted)) : this.readPtpBetween(sorted);
  }

  private async readPtpBetween(keys: readonly CodeKey[]): Promise<PtpEditBetween[]> {
    const rows = await this.executor.read('claim/ptp-between', keysParam(keys));
    return rows.map((r) => ({ column1: r.column1, column2: r.column2, edit: ptpFacts(r.edit) }));
  }

  /** Every MUE of each code (every setting and table), keyed "SYSTEM|code". */
  mueEdits(keys: readonly CodeKey[]): Promise<Map<string, MueFacts[]>> {
    if (keys.length === 0) return Promise.resolve(new Map<string, MueFacts[]>());
    return this.through('claim/mue-edits', keys, (batch) => this.readMueEdits(batch));
  }

  private async readMueEdits(keys: readonly CodeKey[]): Promise<Map<string, MueFacts[]>> {
    const rows = await this.executor.read('claim/mue-edits', keysParam(keys));
    return new Map(rows.map((r) => [r.key, r.mues.map(mueFacts)]));
  }
}

/** The repositories of this module, as the request context holds them. */
export interface ClaimRepositories {
  claimEdits: ClaimEditRepository;
}
