import { EvidenceKind } from '../../domain/claim';
import { FindingCode, type ClaimFinding } from './claim-validation.type';
import { evidence, finding } from './claim-findings';
import type { Excludes1Conflict } from '../pairing/pairing.repository';

export function excludes1Findings(conflicts: readonly Excludes1Conflict[]): ClaimFinding[] {
  // A note on either side forbids the pair; report each unordered pair once, with every note.
  const byPair = new Map<string, Excludes1Conflict[]>();
  for (const c of conflicts) {
    const key = [c.a, c.b].sort().join('|');
    byPair.set(key, [...(byPair.get(key) ?? []), c]);
  }
  return [...byPair.entries()].map(([key, notes]) => {
    const [a, b] = key.split('|');
    return finding(
      FindingCode.EXCLUDES1_CONFLICT,
      `${a} and ${b} are never coded together: an Excludes1 note forbids it.`,
      notes.map((n) =>
        evidence(EvidenceKind.EXCLUDES1_NOTE, `Excludes1 on ${n.source}: "${n.text}" (applies to ${n.a}, names ${n.target}, which covers ${n.b}).`, {
          code: n.source,
          target: n.target,
          listedAs: n.text,
        }),
      ),
    );
  });
}
