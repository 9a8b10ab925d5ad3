import { randomUUID } from 'node:crypto';
import type { CodeKey } from '../../common/code-format';
import type { CypherExecutor } from '../../neo4j/executor';
import type { PairingNode } from './pairing.type';
import { codeKeyString } from '../../domain/code-key';
import type { AuditAction } from '../../domain/pairing';

export interface AuditEventNode {
  id: string;
  action: AuditAction;
  actor: string;
  source: string | null;
  detail: string | null;
  at: string;
}

export type CuratedPairingNode = PairingNode & { history: AuditEventNode[] };

/** What pairing/curation-add writes: the pairing, its audit event, and the key unique while it is active. */
export interface CurationAddParams {
  id: string;
  eventId: string;
  activeKey: string;
  diagnosis: CodeKey;
  procedure: CodeKey;
  source: string;
  rationale: string | null;
  author: string;
  now: string;
}

/** Curated pairings: the only writes a request can make. Each write is one transaction with its audit event. */
export class CurationRepository {
  constructor(private readonly executor: CypherExecutor) {}

  /** Creates the pairing, or returns the id of the active one the two codes already have. */
  async add(input: {
    diagnosis: CodeKey;
    procedure: CodeKey;
    source: string;
    rationale: string | null;
    author: string;
  }): Promise<{ id: string; created: boolean }> {
    const id = `curated:${randomUUID()}`;
    const { rows } = await this.executor.writeCounted('pairing/curation-add', {
      id,
      eventId: randomUUID(),
      activeKey: `${codeKeyString(input.diagnosis)}|${codeKeyString(input.procedure)}`,
      diagnosis: { ...input.diagnosis },
      procedure: { ...input.procedure },
      source: input.source,
      rationale: input.rationale,
      author: input.author,
      now: new Date().toISOString(),
    });
    const row = rows[0];
    if (!row) throw new Error('curation-add matched no codes although both were checked just before');
    return row.existingId ? { id: row.existingId, created: false } : { id: row.createdId!, created: true };
  }

  /** Retires a pairing; `found` false when no pairing has the id, `wasRetired` when it was already retired. */
  async retire(id: string, actor: string, reason: string): Promise<{ found: boolean; wasRetired: boolean }> {
    const { rows } = await this.executor.writeCounted('pairing/curation-retire', { id, actor, reason, eventId: randomUUID(), now: new Date().toISOString() });
    const row = rows[0];
    return row ? { found: true, wasRetired: row.wasRetired } : { found: false, wasRetired: false };
  }

  async auditEvents(ids: readonly string[]): Promise<Map<string, AuditEventNode>> {
    const rows = await this.executor.read('pairing/audit-events', { ids: [...ids] });
    return new Map(rows.map((r) => [r.key, r.event]));
  }

  async byIds(ids: readonly string[]): Promise<Map<string, CuratedPairingNode>> {
    const rows = await this.executor.read('pairing/curations', { ids: [...ids] });
    return new Map(rows.map((r) => [r.key, r.pairing]));
  }
}
