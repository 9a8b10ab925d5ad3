import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-code';
import { forbidden, unauthenticated } from '../errors/errors';

/**
 * Who is calling: resolved once per request from its headers (authenticate), held by the request
 * context, and read by the 401 of a service without anonymous access, the curator check of the
 * curation mutations, and the licence check of CPT descriptor text.
 */

export type Role = 'reader' | 'curator';

/** What an API key lets its holder do: readers query, curators also run the pairing mutations; licensed callers see CPT descriptor text. */
export interface Credential {
  name: string;
  role: Role;
  licensed: boolean;
}

/** Who calls: anonymous (no key), a key nobody holds, or a configured credential with its role and licence. */
export type Caller = { credential: 'none' } | { credential: 'invalid' } | { credential: 'valid'; name: string; role: Role; licensed: boolean };

export type Headers = Record<string, string | string[] | undefined>;

/** True when the caller's credential is marked licensed: only then is CPT descriptor text from a licensed file shown. */
export function isLicensed(caller: Caller): boolean {
  return caller.credential === 'valid' && caller.licensed;
}

/** The caller named by an X-Api-Key header or an Authorization: Bearer header, checked against the configured keys. */
export function callerFrom(headers: Headers, apiKeys: ReadonlyMap<string, Credential>): Caller {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const bearer = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1];
  const key = header('x-api-key')?.trim() || bearer?.trim();
  if (!key) return { credential: 'none' };
  const credential = apiKeys.get(key);
  return credential ? { credential: 'valid', ...credential } : { credential: 'invalid' };
}

/**
 * The caller of one request. With anonymous access off, only a configured key gets in: none, or one
 * nobody holds, is a 401 (UNAUTHENTICATED).
 */
export function authenticate(headers: Headers, apiKeys: ReadonlyMap<string, Credential>, allowAnonymous: boolean): Caller {
  const caller = callerFrom(headers, apiKeys);
  if (caller.credential !== 'valid' && !allowAnonymous) {
    throw new GraphQLError('This service needs an API key: send it in an X-Api-Key header (or Authorization: Bearer <key>)', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  return caller;
}

/** The curator's name to record for a curation write, or UNAUTHENTICATED / FORBIDDEN naming what is missing. */
export function requireCurator(caller: Caller): string {
  if (caller.credential === 'valid' && caller.role === 'curator') return caller.name;
  if (caller.credential === 'valid')
    throw forbidden(
      `The credential of ${caller.name} has the ${caller.role} role; curation mutations need the curator role (CODESET_API_KEYS name:curator=key)`,
    );
  if (caller.credential === 'invalid') throw unauthenticated('The API key sent is not a configured write credential (CODESET_API_KEYS)');
  throw unauthenticated('Curation mutations need a write credential: send the API key in an X-Api-Key header (or Authorization: Bearer <key>)');
}
