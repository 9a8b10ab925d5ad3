import type { NodeType } from '../../domain/node-id';
import { pairingId, type PairingNode } from '../pairing/pairing.type';

/** The Node type and readable key of a value of each GraphQL type that implements Node. */
const KEYS: Record<string, { type: NodeType; key: (value: never) => string }> = {
  Diagnosis: { type: 'Code', key: (c: { system: string; code: string }) => `${c.system}:${c.code}` },
  Procedure: { type: 'Code', key: (c: { system: string; code: string }) => `${c.system}:${c.code}` },
  Category: { type: 'Category', key: (c: { id: string }) => c.id },
  CodeSystem: { type: 'CodeSystem', key: (s: { id: string }) => s.id },
  Organization: { type: 'Organization', key: (o: { id: string }) => o.id },
  Release: { type: 'Release', key: (r: { id: string }) => r.id },
  Policy: { type: 'Policy', key: (p: { id: string }) => p.id },
  Pairing: { type: 'Pairing', key: (p: PairingNode) => pairingId(p) },
  Modifier: { type: 'Modifier', key: (m: { system: string; code: string }) => `${m.system}:${m.code}` },
  AuditEvent: { type: 'AuditEvent', key: (e: { id: string }) => e.id },
};

/** The Node type and key of a value the GraphQL type `typename` resolves; throws for a type that is not a Node. */
export function nodeKeyOf(typename: string, value: unknown): { type: NodeType; key: string } {
  const entry = KEYS[typename];
  if (!entry) throw new Error(`${typename} does not implement Node`);
  return { type: entry.type, key: entry.key(value as never) };
}
