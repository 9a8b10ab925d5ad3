import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../src/common/logger';
import { readApiKeys } from '../../src/config';
import { createSchema } from '../../src/schema';
import { startService, type RunningService } from '../../src/server';
import { createHarness, type Harness } from '../support/harness';

/**
 * Issue 18, item 6: GET answers carry Cache-Control with a max-age and an ETag tied to the graph's
 * generation; If-None-Match with it is a 304 that runs no Cypher; a credential makes the answer
 * private; anything but a successful query over GET is no-store.
 */
let h: Harness;
let service: RunningService;
const statements: string[] = [];
const KEY = 'caching-test-key-0123456789';

beforeAll(async () => {
  h = await createHarness();
  const counted = h.executor.withListener((name) => statements.push(name));
  service = await startService(
    {
      schema: await createSchema(),
      executor: counted,
      logger: logger.child({}, { level: 'silent' }),
      databaseReady: async () => true,
      apiKeys: readApiKeys(`caching-reader=${KEY}`),
      cache: { maxBytes: 1024 * 1024, checkIntervalMs: 100 },
      httpMaxAgeSeconds: 60,
    },
    '127.0.0.1',
    0,
  );
});
afterAll(async () => {
  await service.stop();
  await h.close();
});

const QUERY = '{ code(code: "E11.9") { code display } }';
const getUrl = (query = QUERY) => `${service.url}?query=${encodeURIComponent(query)}`;
// Apollo's CSRF prevention: a GET needs a header a simple cross-site request cannot send.
const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const answered = () => statements.filter((s) => s !== 'cache/generation');

describe('absolute export links (issue 18)', () => {
  const CSV = '{ code(code: "80061", system: CPT) { ... on Procedure { justifiedByCsv(asOf: "2026-03-15") } } }';
  const link = async (url: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CSV }) });
    return ((await response.json()) as { data: { code: { justifiedByCsv: string } } }).data.code.justifiedByCsv;
  };

  it('links the CSV export under the scheme and host the request came to, and the link answers', async () => {
    const url = await link(service.url);
    expect(url).toBe(`${service.url.replace('/graphql', '')}/export/justified-by.csv?system=CPT&code=80061&status=COVERED%2CCURATED&asOf=2026-03-15`);
    const csv = await fetch(url);
    expect(csv.status).toBe(200);
    expect(Number(csv.headers.get('x-total-count'))).toBeGreaterThan(0);
  });

  it('links under CODESET_PUBLIC_URL when it is set (a service behind a proxy)', async () => {
    const behind = await startService(
      {
        schema: await createSchema(),
        executor: h.executor,
        logger: logger.child({}, { level: 'silent' }),
        databaseReady: async () => true,
        publicUrl: 'https://codes.example.org/codeset',
      },
      '127.0.0.1',
      0,
    );
    try {
      expect(await link(behind.url)).toMatch(/^https:\/\/codes\.example\.org\/codeset\/export\/justified-by\.csv\?system=CPT&code=80061&/);
    } finally {
      await behind.stop();
    }
  });
});

describe('HTTP caching of GraphQL answers (issue 18)', () => {
  it('lets anyone keep a successful GET answer for max-age, with an ETag, and answers 304 to If-None-Match with it without reading the graph', async () => {
    const first = await fetch(getUrl(), { headers: PREFLIGHT });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ data: { code: { code: 'E11.9' } } });
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('vary')).toContain('Authorization');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/".+"$/);

    const before = answered().length;
    const again = await fetch(getUrl(), { headers: { ...PREFLIGHT, 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');
    expect(answered().length).toBe(before);

    const other = await fetch(getUrl('{ code(code: "I10") { code } }'), { headers: { ...PREFLIGHT, 'if-none-match': tag! } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(tag);
  });

  it('keeps an answer to a caller with a credential private to that caller, under a tag of its own', async () => {
    const anonymous = await fetch(getUrl(), { headers: PREFLIGHT });
    const keyed = await fetch(getUrl(), { headers: { ...PREFLIGHT, 'x-api-key': KEY } });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('cache-control')).toBe('private, max-age=60');
    expect(keyed.headers.get('etag')).not.toBe(anonymous.headers.get('etag'));
    const crossed = await fetch(getUrl(), { headers: { ...PREFLIGHT, 'if-none-match': anonymous.headers.get('etag')!, 'x-api-key': KEY } });
    expect(crossed.status).toBe(200);
  });

  it('says no-store for a POST, for a GET whose answer has errors, and for a GET without the CSRF header (refused)', async () => {
    const post = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
    expect(post.headers.get('etag')).toBeNull();
    const failed = await fetch(getUrl('{ code(code: "not a code!") { code } }'), { headers: PREFLIGHT });
    expect(((await failed.json()) as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(failed.headers.get('etag')).toBeNull();
    const plain = await fetch(getUrl());
    expect(plain.status).toBe(400);
    expect(plain.headers.get('etag')).toBeNull();
  });

  it('serves automatic persisted queries over GET (hash first, then hash and query once), cacheable like any GET', async () => {
    const query = '{ code(code: "E11.9") { code systemId } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    const hashOnly = `${service.url}?extensions=${extensions}`;
    const unknown = await fetch(hashOnly, { headers: PREFLIGHT });
    expect(((await unknown.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    const registered = await fetch(`${hashOnly}&query=${encodeURIComponent(query)}`, { headers: PREFLIGHT });
    expect(await registered.json()).toEqual({ data: { code: { code: 'E11.9', systemId: 'ICD10CM' } } });
    const byHash = await fetch(hashOnly, { headers: PREFLIGHT });
    expect(await byHash.json()).toEqual({ data: { code: { code: 'E11.9', systemId: 'ICD10CM' } } });
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=60');
    expect(byHash.headers.get('etag')).toMatch(/^W\//);
  });

  it('gives a new tag once the graph changes, so a kept answer is asked again', async () => {
    const first = await fetch(getUrl(), { headers: PREFLIGHT });
    const tag = first.headers.get('etag')!;
    // A curation change moves the generation (cypher/cache/generation.cypher counts audit events).
    await h.driver.executeQuery("CREATE (:AuditEvent {id: 'http-caching-18-test', action: 'ADD', actor: 'test', at: datetime()})");
    try {
      await expect.poll(async () => (await fetch(getUrl(), { headers: { ...PREFLIGHT, 'if-none-match': tag } })).status, { timeout: 5_000 }).toBe(200);
      const after = await fetch(getUrl(), { headers: PREFLIGHT });
      expect(after.headers.get('etag')).not.toBe(tag);
    } finally {
      await h.driver.executeQuery("MATCH (e:AuditEvent {id: 'http-caching-18-test'}) DELETE e");
    }
  });
});
