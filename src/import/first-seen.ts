/**
 * Tells the first occurrence of a key from a possible repeat, in little memory: it keeps a 30-bit
 * fingerprint per key (a small integer, stored inline by V8), not the key itself. A key seen before
 * always answers "repeat"; a new key answers "first" but for the rare fingerprint collision, which
 * answers "repeat" too. Callers write firsts with CREATE and repeats with MERGE (after the batch
 * that holds the first is committed), so a false "repeat" costs a MERGE, never a duplicate.
 */
export class FirstSeen {
  private readonly seen = new Set<number>();

  /** True when the key (or one with its fingerprint) was given before; records it otherwise. */
  isRepeat(key: string): boolean {
    const print = fingerprint(key);
    if (this.seen.has(print)) return true;
    this.seen.add(print);
    return false;
  }
}

/** FNV-1a over the UTF-16 code units, folded to 30 bits (a V8 small integer). */
function fingerprint(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 2) & 0x3fffffff;
}
