import { describe, expect, it } from 'vitest';
import { fromGlobalId, keyOfIdOrKey, NODE_TYPES, toGlobalId } from '../../src/domain/node-id';

// graphql-relay's toGlobalId is base64("<Type>:<key>"); worked out here with Buffer, not the codec.
const relay = (type: string, key: string) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64');

describe('global ids (issue 18)', () => {
  it('encodes a type and key as base64 of "<Type>:<key>", the encoding graphql-relay uses', () => {
    expect(toGlobalId('Code', 'ICD10CM:E11.9')).toBe('Q29kZTpJQ0QxMENNOkUxMS45');
    expect(toGlobalId('Pairing', 'curated:abc')).toBe(relay('Pairing', 'curated:abc'));
  });

  it('decodes every type back to its type and key, keys with colons and bars included', () => {
    for (const type of NODE_TYPES) {
      const key = `X:${type}|é`;
      expect(fromGlobalId(relay(type, key))).toEqual({ type, key });
    }
  });

  it('answers null for a value that is no id of this service: not base64, an unknown type, an empty key, a second spelling', () => {
    expect(fromGlobalId('E11.9')).toBeNull();
    expect(fromGlobalId('curated:abc')).toBeNull();
    expect(fromGlobalId(relay('Widget', 'x'))).toBeNull();
    expect(fromGlobalId(relay('Code', ''))).toBeNull();
    expect(relay('Code', 'ICD10CM:E11')).toMatch(/=$/);
    expect(fromGlobalId(relay('Code', 'ICD10CM:E11').replace(/=+$/, ''))).toBeNull();
    expect(fromGlobalId('')).toBeNull();
  });

  it('takes either a readable key or a global id of the asked type, and names the type of another', () => {
    expect(keyOfIdOrKey('190.23B', 'Policy')).toEqual({ key: '190.23B' });
    expect(keyOfIdOrKey('A59003', 'Policy')).toEqual({ key: 'A59003' });
    expect(keyOfIdOrKey(relay('Policy', '190.23B'), 'Policy')).toEqual({ key: '190.23B' });
    expect(keyOfIdOrKey(relay('Code', 'CPT:80061'), 'Policy')).toEqual({ wrongType: 'Code' });
  });
});
