import { LRUCache } from 'lru-cache';

/** One cached answer; `value` undefined records that the graph has nothing for the key. */
interface Entry {
  value: unknown;
}

export interface ReleaseCacheStats {
  hits: number;
  misses: number;
  invalidations: number;
  entries: number;
  /** Estimated bytes held (see `sizeOf`). */
  bytes: number;
}

export interface CacheListener {
  hit: (namespace: string) => void;
  miss: (namespace: string) => void;
  invalidated: (reason: string) => void;
}

/**
 * Estimated heap bytes of a cached answer: its JSON length times three (objects take more room
 * than their JSON). Cheap enough: it runs only on a miss, after a database round trip.
 */
function sizeOf(entry: Entry): number {
  return Math.max(64, (JSON.stringify(entry.value ?? null, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))?.length ?? 4) * 3);
}

/**
 * Answers read from the imported releases, policies and curations, shared by every request of the
 * process and bounded by an estimated size (least recently used go first). Everything is dropped
 * at once when the graph changes (`clear`): an import or a curation, seen by the CacheWatcher or
 * made by this process. An answer fetched before a `clear` and arriving after it is not kept.
 */
export class ReleaseCache {
  private readonly lru: LRUCache<string, Entry>;
  private epoch = 0;
  private hits = 0;
  private misses = 0;
  private invalidations = 0;

  constructor(maxBytes: number, private readonly listener?: CacheListener) {
    if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new RangeError(`ReleaseCache needs a positive byte budget, got ${maxBytes}`);
    this.lru = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: sizeOf });
  }

  /**
   * The answers for `keys` under `namespace`: cached ones directly, the rest from one `fetch` of
   * the misses (a batch), whose answers (and absences) are kept for the next caller.
   */
  async through<K, V>(namespace: string, keys: readonly K[], keyOf: (key: K) => string, fetch: (misses: K[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    const misses: K[] = [];
    for (const key of keys) {
      const entry = this.lru.get(`${namespace}\u0000${keyOf(key)}`);
      if (entry === undefined) {
        misses.push(key);
        continue;
      }
      this.hits += 1;
      this.listener?.hit(namespace);
      if (entry.value !== undefined) found.set(keyOf(key), entry.value as V);
    }
    if (misses.length === 0) return found;
    this.misses += misses.length;
    for (let i = 0; i < misses.length; i++) this.listener?.miss(namespace);
    const epoch = this.epoch;
    const fetched = await fetch(misses);
    for (const key of misses) {
      const value = fetched.get(keyOf(key));
      if (epoch === this.epoch) this.lru.set(`${namespace}\u0000${keyOf(key)}`, { value });
      if (value !== undefined) found.set(keyOf(key), value);
    }
    return found;
  }

  /** One answer (not a batch) under `namespace` and `key`. */
  async one<V>(namespace: string, key: string, fetch: () => Promise<V>): Promise<V> {
    const answers = await this.through(namespace, [key], (k) => k, async () => new Map([[key, await fetch()]]));
    return answers.get(key) as V;
  }

  /** Drops every answer: the graph changed. */
  clear(reason: string): void {
    this.epoch += 1;
    this.invalidations += 1;
    this.lru.clear();
    this.listener?.invalidated(reason);
  }

  stats(): ReleaseCacheStats {
    return { hits: this.hits, misses: this.misses, invalidations: this.invalidations, entries: this.lru.size, bytes: this.lru.calculatedSize };
  }
}

/** A stable cache key for a set of parameters (object keys in the order written). */
export function paramKey(params: Record<string, unknown>): string {
  return JSON.stringify(params);
}
