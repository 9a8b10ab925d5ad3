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
  /** Answers being fetched now, by full key: a second caller asking for one waits for it (single flight). */
  private readonly inFlight = new Map<string, Promise<Entry>>();

  constructor(
    maxBytes: number,
    private readonly listener?: CacheListener,
  ) {
    if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new RangeError(`ReleaseCache needs a positive byte budget, got ${maxBytes}`);
    this.lru = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: sizeOf });
  }

  /**
   * The answers for `keys` under `namespace`: cached ones directly, the rest from one `fetch` of
   * the misses (a batch), whose answers (and absences) are kept for the next caller.
   */
  async through<K, V>(
    namespace: string,
    keys: readonly K[],
    keyOf: (key: K) => string,
    fetch: (misses: K[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    const misses: K[] = [];
    const joined: Array<{ key: string; answer: Promise<Entry> }> = [];
    for (const key of keys) {
      const full = `${namespace}\u0000${keyOf(key)}`;
      const entry = this.lru.get(full);
      if (entry !== undefined) {
        this.hits += 1;
        this.listener?.hit(namespace);
        if (entry.value !== undefined) found.set(keyOf(key), entry.value as V);
        continue;
      }
      const pending = this.inFlight.get(full);
      if (pending) joined.push({ key: keyOf(key), answer: pending });
      else misses.push(key);
    }
    if (misses.length > 0) await this.fetchMisses(namespace, misses, keyOf, fetch, found);
    for (const { key, answer } of joined) {
      // Merged with a fetch already under way: counted as a hit, no round trip of its own.
      this.hits += 1;
      this.listener?.hit(namespace);
      const entry = await answer;
      if (entry.value !== undefined) found.set(key, entry.value as V);
    }
    return found;
  }

  private async fetchMisses<K, V>(
    namespace: string,
    misses: K[],
    keyOf: (key: K) => string,
    fetch: (misses: K[]) => Promise<Map<string, V>>,
    found: Map<string, V>,
  ): Promise<void> {
    this.misses += misses.length;
    for (let i = 0; i < misses.length; i++) this.listener?.miss(namespace);
    const epoch = this.epoch;
    const batch = fetch(misses);
    const fulls = misses.map((key) => `${namespace}\u0000${keyOf(key)}`);
    const mine = fulls.map((full, i) => {
      const key = keyOf(misses[i]);
      const answer = batch.then((fetched): Entry => ({ value: fetched.get(key) }));
      answer.catch(() => {}); // the failure reaches this caller through `batch`, and any joiner through `answer`
      this.inFlight.set(full, answer);
      return answer;
    });
    try {
      const fetched = await batch;
      for (const key of misses) {
        const value = fetched.get(keyOf(key));
        if (epoch === this.epoch) this.lru.set(`${namespace}\u0000${keyOf(key)}`, { value });
        if (value !== undefined) found.set(keyOf(key), value);
      }
    } finally {
      fulls.forEach((full, i) => {
        if (this.inFlight.get(full) === mine[i]) this.inFlight.delete(full);
      });
    }
  }

  /** One answer (not a batch) under `namespace` and `key`. */
  async one<V>(namespace: string, key: string, fetch: () => Promise<V>): Promise<V> {
    const answers = await this.through(
      namespace,
      [key],
      (k) => k,
      async () => new Map([[key, await fetch()]]),
    );
    return answers.get(key) as V;
  }

  /** Drops every answer: the graph changed. */
  clear(reason: string): void {
    this.epoch += 1;
    this.invalidations += 1;
    this.lru.clear();
    // Fetches under way read the graph before the change: later callers must not join them.
    this.inFlight.clear();
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
