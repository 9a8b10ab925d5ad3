import { describe, expect, it } from 'vitest';
import { cacheHeaders, credentialOf, entityTag, matchesTag } from '../../src/cache/http-caching';

const anonymous = { credential: '', base: 'http://localhost:4000', day: '2026-12-04' };

describe('HTTP entity tags (issue 18)', () => {
  it('gives the same weak tag for the same generation, query string, credential, base and day, and another when any differs', () => {
    const tag = entityTag('gen-1', '?query=%7B%20a%20%7D', anonymous);
    expect(tag).toMatch(/^W\/"[\w-]+\.[\w-]+"$/);
    expect(entityTag('gen-1', 'query=%7B%20a%20%7D', anonymous)).toBe(tag);
    expect(entityTag('gen-2', '?query=%7B%20a%20%7D', anonymous)).not.toBe(tag);
    expect(entityTag('gen-1', '?query=%7B%20b%20%7D', anonymous)).not.toBe(tag);
    expect(entityTag('gen-1', '?query=%7B%20a%20%7D', { ...anonymous, credential: 'key' })).not.toBe(tag);
    expect(entityTag('gen-1', '?query=%7B%20a%20%7D', { ...anonymous, base: 'https://codes.example.org' })).not.toBe(tag);
    // A date left out means today: an answer of yesterday is not confirmed today.
    expect(entityTag('gen-1', '?query=%7B%20a%20%7D', { ...anonymous, day: '2026-12-05' })).not.toBe(tag);
  });

  it('never writes the credential into the tag', () => {
    expect(entityTag('gen', '?q', { ...anonymous, credential: 'secret-key-0123456789' })).not.toContain('secret');
  });

  it('matches an If-None-Match that lists the tag, weak or strong, and not "*" (no stored resource to match)', () => {
    const tag = entityTag('g', '?q', anonymous);
    expect(matchesTag(tag, tag)).toBe(true);
    expect(matchesTag(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesTag(tag.replace(/^W\//, ''), tag)).toBe(true);
    expect(matchesTag('*', tag)).toBe(false);
    expect(matchesTag('"other"', tag)).toBe(false);
    expect(matchesTag(undefined, tag)).toBe(false);
  });

  it('marks an answer to a credential private, an anonymous one public, and varies on the origin and both credential headers', () => {
    expect(cacheHeaders('', 60, 'W/"t"')).toEqual({ 'cache-control': 'public, max-age=60', vary: 'Origin, Authorization, X-Api-Key', etag: 'W/"t"' });
    expect(cacheHeaders('key', 30, 'W/"t"')['cache-control']).toBe('private, max-age=30');
  });

  it('reads the credential as the service does: X-Api-Key, else Authorization', () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name];
    expect(credentialOf(headers({ authorization: 'Bearer a', 'x-api-key': 'b' }))).toBe('b');
    expect(credentialOf(headers({ authorization: 'Bearer a' }))).toBe('Bearer a');
    expect(credentialOf(headers({}))).toBe('');
  });
});
