import { describe, expect, it } from 'vitest';
import { cacheHeaders, credentialOf, entityTag, matchesTag } from '../../src/cache/http-caching';

describe('HTTP entity tags (issue 18)', () => {
  it('gives the same weak tag for the same generation, query string and credential, and another when any differs', () => {
    const tag = entityTag('gen-1', '?query=%7B%20a%20%7D', '');
    expect(tag).toMatch(/^W\/"[\w-]+\.[\w-]+"$/);
    expect(entityTag('gen-1', 'query=%7B%20a%20%7D', '')).toBe(tag);
    expect(entityTag('gen-2', '?query=%7B%20a%20%7D', '')).not.toBe(tag);
    expect(entityTag('gen-1', '?query=%7B%20b%20%7D', '')).not.toBe(tag);
    expect(entityTag('gen-1', '?query=%7B%20a%20%7D', 'Bearer key')).not.toBe(tag);
  });

  it('never writes the credential into the tag', () => {
    expect(entityTag('gen', '?q', 'secret-key-0123456789')).not.toContain('secret');
  });

  it('matches an If-None-Match that lists the tag, weak or strong, or says *', () => {
    const tag = entityTag('g', '?q', '');
    expect(matchesTag(tag, tag)).toBe(true);
    expect(matchesTag(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesTag(tag.replace(/^W\//, ''), tag)).toBe(true);
    expect(matchesTag('*', tag)).toBe(true);
    expect(matchesTag('"other"', tag)).toBe(false);
    expect(matchesTag(undefined, tag)).toBe(false);
  });

  it('marks an answer to a credential private, an anonymous one public, and varies on both credential headers', () => {
    expect(cacheHeaders('', 60, 'W/"t"')).toEqual({ 'cache-control': 'public, max-age=60', vary: 'Authorization, X-Api-Key', etag: 'W/"t"' });
    expect(cacheHeaders('key', 30, 'W/"t"')['cache-control']).toBe('private, max-age=30');
  });

  it('reads the credential from Authorization, else X-Api-Key', () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name];
    expect(credentialOf(headers({ authorization: 'Bearer a', 'x-api-key': 'b' }))).toBe('Bearer a');
    expect(credentialOf(headers({ 'x-api-key': 'b' }))).toBe('b');
    expect(credentialOf(headers({}))).toBe('');
  });
});
