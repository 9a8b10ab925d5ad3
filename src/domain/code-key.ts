import type { CodeSystemId } from './code-system-id';

/** A code named with its system: the identity of a code in the graph. */
export interface CodeKey {
  system: CodeSystemId;
  code: string;
}

/** Between system and code in a code key; no system id and no code contains it. */
export const CODE_KEY_SEPARATOR = '|';

/**
 * The one text form of a code key, `system|code` (ICD10CM|E11.9): the key of maps, loaders and the
 * answer cache, and the `key` column the Cypher statements return (see cypherCodeKey).
 */
export function codeKeyString(key: { system: string; code: string }): string {
  return `${key.system}${CODE_KEY_SEPARATOR}${key.code}`;
}

/** The Cypher counterpart of codeKeyString, for a map or node variable: `k.system + '|' + k.code`. */
export function cypherCodeKey(variable: string): string {
  return `${variable}.system + '${CODE_KEY_SEPARATOR}' + ${variable}.code`;
}

/** The `$keys` parameter of the statements that read a batch of codes: each key as a plain {system, code} map (a CodeNode or loader key may carry more). */
export function keysParam<S extends string>(keys: ReadonlyArray<{ system: S; code: string }>): { keys: Array<{ system: S; code: string }> } {
  return { keys: keys.map(({ system, code }) => ({ system, code })) };
}
