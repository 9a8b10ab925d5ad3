import { echo, parseCode, type CodeKey } from '../../common/code-format';
import type { CodeSystemId } from '../../domain/code-system-id';
import type { Loaders } from '../../context';
import { badUserInput } from '../../errors/errors';
import type { CodeNode } from './code.type';

/**
 * Looks a code up as a user typed it. Malformed: BAD_USER_INPUT naming the value and the format.
 * Well-formed but absent: null. Present in more than one system that fits the format (J1100 is
 * HCPCS J1100 and ICD-10-CM J11.00): BAD_USER_INPUT listing the candidates.
 */
export async function findCode(loaders: Loaders, raw: string, system?: CodeSystemId | null): Promise<CodeNode | null> {
  const parsed = parseCode(raw, system);
  if (!parsed.ok) throw badUserInput(parsed.message, { argument: 'code', value: raw.slice(0, 64) });
  const results = await loaders.code.loadMany(parsed.candidates);
  const failure = results.find((r) => r instanceof Error);
  if (failure) throw failure;
  const found = results.filter((c): c is CodeNode => c !== null && !(c instanceof Error));
  if (found.length <= 1) return found[0] ?? null;
  const listed = found.map((c) => `${c.system} ${c.code} (${c.display})`).join('; ');
  throw badUserInput(`Code ${echo(raw)} is ambiguous: it exists as ${listed}. Pass system to choose one.`, {
    argument: 'code',
    value: raw,
    candidates: found.map(({ system: s, code }): CodeKey => ({ system: s, code })),
  });
}
