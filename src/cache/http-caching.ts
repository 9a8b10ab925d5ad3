import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * HTTP caching of GraphQL GET answers (issue 18). Answers change only when the graph does (an import
 * or a curation), which the generation watcher already reads, so an entity tag is the graph's
 * generation and the request: the same URL asked by the same caller on the same graph has the same
 * tag, and `If-None-Match` with it is answered 304 before any Cypher runs.
 */

/** What the tags are tied to: the graph generation last read, or null before the first read. */
export interface GenerationSource {
  generation(): string | null;
}

type HeaderLookup = (name: string) => string | undefined;

/** The credential a request carries (Authorization or X-Api-Key), "" for an anonymous one. */
export function credentialOf(header: HeaderLookup): string {
  return header('authorization') ?? header('x-api-key') ?? '';
}

const digest = (text: string, length: number) => createHash('sha256').update(text).digest('base64url').slice(0, length);

/** A weak tag (compression may re-encode the body): the generation and a digest of the query string and credential. */
export function entityTag(generation: string, search: string, credential: string): string {
  return `W/"${digest(generation, 12)}.${digest(`${search.replace(/^\?/, '')}\n${credential}`, 16)}"`;
}

/** Whether an If-None-Match header names the tag (a list, or "*"). */
export function matchesTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(tag));
}

/** The caching headers of a cacheable answer: shared caches may keep an anonymous one, only the caller's browser one with a credential. */
export function cacheHeaders(credential: string, maxAgeSeconds: number, tag: string): Record<string, string> {
  return {
    'cache-control': `${credential ? 'private' : 'public'}, max-age=${maxAgeSeconds}`,
    vary: 'Authorization, X-Api-Key',
    etag: tag,
  };
}

/** GET /graphql with an If-None-Match that names the current tag: 304 with the same caching headers, nothing executed. */
export function notModified(source: GenerationSource, maxAgeSeconds: number): RequestHandler {
  return (req, res, next) => {
    const generation = source.generation();
    if (req.method !== 'GET' || generation === null) return next();
    const credential = credentialOf((name) => req.get(name));
    const tag = entityTag(generation, new URL(req.originalUrl, 'http://localhost').search, credential);
    if (!matchesTag(req.get('if-none-match'), tag)) return next();
    res
      .status(304)
      .set(cacheHeaders(credential, maxAgeSeconds, tag))
      .end();
  };
}
