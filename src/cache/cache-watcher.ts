import { createHash } from 'node:crypto';
import type { CypherExecutor } from '../neo4j/executor';
import type { GenerationSource } from './http-caching';
import type { ReleaseCache } from './release-cache';

/**
 * Reads the graph's generation (cypher/cache/generation.cypher: releases, policies, edit sets, curation
 * count) every `intervalMs` and clears the cache when it differs from the last one read, so an
 * import or a curation made by another process is seen within one interval. A failed read (Neo4j
 * away) changes nothing; the next successful one compares again. Without an answer cache it still
 * reads, for the HTTP entity tags (generation()).
 */
export class CacheWatcher implements GenerationSource {
  private last: string | null = null;
  private lastDigest: string | null = null;
  /** A read failed before any succeeded: the first generation read may already be a changed one. */
  private unknownSince = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly executor: CypherExecutor,
    private readonly cache: ReleaseCache | null,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Reads the generation now; resolves once it is compared (the first read only records it). */
  check(): Promise<void> {
    this.running ??= this.compare().finally(() => (this.running = null));
    return this.running;
  }

  /** A digest of the generation last read; null until a read succeeds. */
  generation(): string | null {
    return this.lastDigest;
  }

  start(): this {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async compare(): Promise<void> {
    try {
      const [row] = await this.executor.read('cache/generation');
      const generation = JSON.stringify(row ?? null);
      if (this.last === null ? this.unknownSince : generation !== this.last) this.cache?.clear('the graph changed (import or curation)');
      this.last = generation;
      this.lastDigest = createHash('sha256').update(generation).digest('base64url');
      this.unknownSince = false;
    } catch (error) {
      if (this.last === null) this.unknownSince = true;
      this.onError(error);
    }
  }
}
