import type { Caller } from '../context';
import { forbidden, unauthenticated } from '../errors/errors';

/** The curator's name, or UNAUTHENTICATED / FORBIDDEN naming what is missing: who may run the curation mutations. */
export function curatorName(caller: Caller): string {
  if (caller.credential === 'valid' && caller.role === 'curator') return caller.name;
  if (caller.credential === 'valid') throw forbidden(`The credential of ${caller.name} has the ${caller.role} role; curation mutations need the curator role (CODESET_API_KEYS name:curator=key)`);
  if (caller.credential === 'invalid') throw unauthenticated('The API key sent is not a configured write credential (CODESET_API_KEYS)');
  throw unauthenticated('Curation mutations need a write credential: send the API key in an X-Api-Key header (or Authorization: Bearer <key>)');
}
