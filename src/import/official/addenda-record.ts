import type { AddendaRecord } from '../records';
import { readAddenda, type AddendaLayout } from './addenda.parser';

/** Counts, by kind, of what release files name that the graph cannot hold (shown in the import summary). */
export type Unresolved = Record<string, number>;

export function countUnresolved(unresolved: Unresolved, what: string, n = 1): void {
  if (n > 0) unresolved[what] = (unresolved[what] ?? 0) + n;
}

/**
 * The addenda of a release as the graph records them: deleted codes with their titles, and added or
 * revised codes that exist in the release (others are counted, not dropped silently).
 */
export async function readAddendaRecord(
  file: string,
  version: string,
  known: ReadonlySet<string>,
  unresolved: Unresolved,
  layout: AddendaLayout = 'codes',
): Promise<AddendaRecord> {
  const addenda: AddendaRecord = { previousVersion: String(Number(version) - 1), added: [], deleted: [], revised: [] };
  for (const change of await readAddenda(file, layout)) {
    if (change.kind === 'deleted') addenda.deleted.push({ code: change.code, title: change.title });
    else if (!known.has(change.code)) countUnresolved(unresolved, `addenda lines naming codes not in the ${version} release`);
    else if (change.kind === 'revised') addenda.revised.push({ code: change.code, from: change.from, to: change.to });
    else addenda.added.push(change.code);
  }
  return addenda;
}
