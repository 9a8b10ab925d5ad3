/**
 * Global object ids (the GraphQL Global Object Identification spec, as Relay uses it): base64 of
 * "<Type>:<key>", the same encoding as graphql-relay's toGlobalId, so "Code:ICD10CM:E11.9" is
 * "Q29kZTpJQ0QxMENNOkUxMS45". The key is the entity's readable key, so an id is the same across
 * restarts and imports.
 */

/** The kinds of entity an id names; a code's id says Code whether it is a Diagnosis or a Procedure. */
export const NODE_TYPES = ['Code', 'Category', 'CodeSystem', 'Organization', 'Release', 'Policy', 'Pairing', 'Modifier', 'AuditEvent'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface NodeRef {
  type: NodeType;
  key: string;
}

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64');
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The type and key of a global id, or null when the value is not one this service gives out. */
export function fromGlobalId(id: string): NodeRef | null {
  if (!BASE64.test(id)) return null;
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  const type = decoded.slice(0, colon);
  if (!(NODE_TYPES as readonly string[]).includes(type)) return null;
  const ref = { type: type as NodeType, key: decoded.slice(colon + 1) };
  // Only the canonical encoding: no second spelling of one id.
  return toGlobalId(ref.type, ref.key) === id ? ref : null;
}

/**
 * The readable key an argument names, given either that key ("190.23B") or the entity's global id.
 * A global id of another type answers `{ wrongType }` (keys themselves are never base64 ids: they hold
 * a '.', a ':' or a '|', or decode to no known type).
 */
export function keyOfIdOrKey(value: string, type: NodeType): { key: string } | { wrongType: NodeType } {
  const ref = fromGlobalId(value);
  if (!ref) return { key: value };
  return ref.type === type ? { key: ref.key } : { wrongType: ref.type };
}
