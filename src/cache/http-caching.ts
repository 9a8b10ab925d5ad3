import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { today } from '../common/date.scalar';

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

/** The credential a request carries, read as callerFrom reads it (X-Api-Key, else Authorization), "" for an anonymous one. */
export function credentialOf(header: HeaderLookup): string {
  return header('x-api-key')?.trim() || header('authorization')?.trim() || '';
}

const digest = (text: string, length: number) => createHash('sha256').update(text).digest('base64url').slice(0, length);

/** What else an answer depends on: today's date (the default date of a question that leaves it out) and the origin its links are under. */
export interface TagContext {
  credential: string;
  /** The origin absolute links are built under (CODESET_PUBLIC_URL or the request's host). */
  base: string | null;
  /** Today (UTC): answers that leave the date out use it. */
  day?: string;
}

/** A weak tag (compression may re-encode the body): the generation, and a digest of the query string, credential, base and day. */
export function entityTag(generation: string, search: string, { credential, base, day = today() }: TagContext): string {
  return `W/"${digest(generation, 12)}.${digest([search.replace(/^\?/, ''), credential, base ?? '', day].join('\n'), 16)}"`;
}

/** Whether an If-None-Match header names the tag in its list ("*" names none: a GraphQL answer is no stored resource). */
export function matchesTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => opaque(t) === opaque(tag));
}

/** The caching headers of a cacheable answer: shared caches may keep an anonymous one, only the caller's browser one with a credential. */
export function cacheHeaders(credential: string, maxAgeSeconds: number, tag: string): Record<string, string> {
  return {
    'cache-control': `${credential ? 'private' : 'public'}, max-age=${maxAgeSeconds}`,
    // Origin: with an origin allow-list CORS answers differ per origin (Apollo's headers replace the Vary cors set).
    vary: 'Origin, Authorization, X-Api-Key',
    etag: tag,
  };
}

/** GET /graphql with an If-None-Match that names the current tag: 304 with the same caching headers, nothing executed. */
export function notModified(source: GenerationSource, maxAgeSeconds: number, baseOf: (req: Parameters<RequestHandler>[0]) => string | null): RequestHandler {
  return (req, res, next) => {
    const generation = source.generation();
    if (req.method !== 'GET' || generation === null || maxAgeSeconds === 0) return next();
    const credential = credentialOf((name) => req.get(name));
    const tag = entityTag(generation, new URL(req.originalUrl, 'http://localhost').search, { credential, base: baseOf(req) });
    if (!matchesTag(req.get('if-none-match'), tag)) return next();
    res
      .status(304)
      .set(cacheHeaders(credential, maxAgeSeconds, tag))
      .end();
  };
}
