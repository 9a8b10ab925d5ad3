import type { CodeKey } from '../../common/code-format';
import { keyedLoader } from '../../common/keyed-loader';
import { codeKeyString } from '../../domain/code-key';
import type { ModifierRepository } from './modifier.repository';
import type { Modifier } from './modifier.type';

/** Modifiers by system and code: a system's few hundred are read once for every modifier a request names (node ids). */
export function createModifierLoaders(modifiers: ModifierRepository) {
  return {
    modifier: keyedLoader<CodeKey, Modifier | null>(
      async (keys) => {
        const found = new Map<string, Modifier>();
        for (const system of new Set(keys.map((k) => k.system))) for (const m of await modifiers.ofSystem(system)) found.set(codeKeyString(m), m);
        return found;
      },
      null,
      codeKeyString,
    ),
  };
}

export type ModifierLoaders = ReturnType<typeof createModifierLoaders>;
