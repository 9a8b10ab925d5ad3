import { describe, expect, it } from 'vitest';
import { CacheWatcher } from '../../src/cache/cache-watcher';
import { ReleaseCache } from '../../src/cache/release-cache';
import type { CypherExecutor } from '../../src/neo4j/executor';

/** An executor whose generation reads answer from a script: a row, or an error (Neo4j away). */
function scripted(answers: Array<Record<string, unknown> | Error>): CypherExecutor {
  return {
    read: async (name: string) => {
      expect(name).toBe('cache/generation');
      const next = answers.shift();
      if (next === undefined) throw new Error('no more scripted answers');
      if (next instanceof Error) throw next;
      return [next];
    },
  } as unknown as CypherExecutor;
}

describe('CacheWatcher', () => {
  it('clears the cache when the generation read differs from the last one, and only then', async () => {
    const cache = new ReleaseCache(1024 * 1024);
    const watcher = new CacheWatcher(scripted([{ releases: ['a'] }, { releases: ['a'] }, { releases: ['a', 'b'] }]), cache, 1000);
    await watcher.check();
    await watcher.check();
    expect(cache.stats().invalidations).toBe(0);
    await watcher.check();
    expect(cache.stats().invalidations).toBe(1);
  });

  it('keeps the cache when a read fails, and compares again at the next read', async () => {
    const cache = new ReleaseCache(1024 * 1024);
    const errors: unknown[] = [];
    const watcher = new CacheWatcher(scripted([{ releases: ['a'] }, new Error('Neo4j away'), { releases: ['a', 'b'] }]), cache, 1000, (e) => errors.push(e));
    await watcher.check();
    await watcher.check();
    expect(errors).toHaveLength(1);
    expect(cache.stats().invalidations).toBe(0);
    await watcher.check();
    expect(cache.stats().invalidations).toBe(1);
  });

  it('clears the cache at its first successful read when earlier reads failed: the graph may have changed meanwhile', async () => {
    const cache = new ReleaseCache(1024 * 1024);
    const watcher = new CacheWatcher(scripted([new Error('Neo4j away'), { releases: ['a'] }]), cache, 1000);
    await watcher.check();
    await watcher.check();
    expect(cache.stats().invalidations).toBe(1);
  });
});
