import { describe, expect, it } from 'vitest';
import { ReleaseCache, paramKey } from '../../src/cache/release-cache';

const byKey = (keys: readonly string[], values: Record<string, number>) => new Map(keys.filter((k) => k in values).map((k) => [k, values[k]]));

describe('ReleaseCache', () => {
  it('fetches only the keys it lacks, in one batch, and keeps the answers for the next caller', async () => {
    const cache = new ReleaseCache(1024 * 1024);
    const batches: string[][] = [];
    const fetch = async (keys: string[]) => {
      batches.push(keys);
      return byKey(keys, { a: 1, b: 2, c: 3 });
    };
    expect(await cache.through('n', ['a', 'b'], (k) => k, fetch)).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    expect(await cache.through('n', ['a', 'b', 'c'], (k) => k, fetch)).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );
    expect(batches).toEqual([['a', 'b'], ['c']]);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 3, entries: 3 });
  });

  it('remembers that the graph has nothing for a key, and asks again only after a clear', async () => {
    const cache = new ReleaseCache(1024 * 1024);
    let calls = 0;
    const fetch = async (keys: string[]) => {
      calls += 1;
      return byKey(keys, {});
    };
    expect((await cache.through('n', ['missing'], (k) => k, fetch)).size).toBe(0);
    expect((await cache.through('n', ['missing'], (k) => k, fetch)).size).toBe(0);
    expect(calls).toBe(1);
    cache.clear('test');
    await cache.through('n', ['missing'], (k) => k, fetch);
    expect(calls).toBe(2);
  });

  it('keeps namespaces apart: the same key under two statements is two answers', async () => {
    const cache = new ReleaseCache(1024 * 1024);
    expect(await cache.one('parents', 'E11.9', async () => 'E11')).toBe('E11');
    expect(await cache.one('children', 'E11.9', async () => 'none')).toBe('none');
    expect(await cache.one('parents', 'E11.9', async () => 'not asked')).toBe('E11');
  });

  it('does not keep an answer fetched before a clear that arrives after it', async () => {
    const cache = new ReleaseCache(1024 * 1024);
    let release!: () => void;
    const slow = cache.one('n', 'k', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    cache.clear('an import finished');
    release();
    expect(await slow).toBe('old');
    expect(await cache.one('n', 'k', async () => 'new')).toBe('new');
  });

  it('stays within its byte budget by dropping the least recently used answers', async () => {
    const cache = new ReleaseCache(20_000);
    const big = 'x'.repeat(1000);
    for (let i = 0; i < 100; i++) await cache.one('n', String(i), async () => big);
    const { bytes, entries } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(20_000);
    expect(entries).toBeLessThan(100);
    expect(entries).toBeGreaterThan(0);
    expect(await cache.one('n', '99', async () => 'refetched')).toBe(big);
    expect(await cache.one('n', '0', async () => 'refetched')).toBe('refetched');
  });

  it('refuses a budget that is not a positive whole number of bytes, naming it', () => {
    expect(() => new ReleaseCache(0)).toThrow('ReleaseCache needs a positive byte budget, got 0');
    expect(() => new ReleaseCache(1.5)).toThrow('got 1.5');
  });

  it('tells its listener of hits, misses and clears', async () => {
    const events: string[] = [];
    const cache = new ReleaseCache(1024 * 1024, {
      hit: (n) => events.push(`hit ${n}`),
      miss: (n) => events.push(`miss ${n}`),
      invalidated: (why) => events.push(`clear ${why}`),
    });
    await cache.one('search', 'k', async () => 1);
    await cache.one('search', 'k', async () => 1);
    cache.clear('curation');
    expect(events).toEqual(['miss search', 'hit search', 'clear curation']);
  });
});

describe('paramKey', () => {
  it('names equal parameters equally and different ones differently', () => {
    expect(paramKey({ a: 1, b: [2, 3] })).toBe(paramKey({ a: 1, b: [2, 3] }));
    expect(paramKey({ a: 1, b: [2, 3] })).not.toBe(paramKey({ a: 1, b: [3, 2] }));
  });
});
