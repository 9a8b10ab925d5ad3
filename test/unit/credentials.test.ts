import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readApiKeys } from '../../src/config';
import { callerFrom } from '../../src/security/caller';

const ALICE_KEY = '0123456789abcdef0';
const BOB_KEY = 'fedcba98765432100';
const curator = (name: string) => ({ name, role: 'curator', licensed: false });

describe('readApiKeys', () => {
  it('maps each key to the name it belongs to', () => {
    expect(readApiKeys(`alice=${ALICE_KEY},bob=${BOB_KEY}`)).toEqual(
      new Map([
        [ALICE_KEY, curator('alice')],
        [BOB_KEY, curator('bob')],
      ]),
    );
  });

  it('trims spaces around entries, names and keys, and skips empty entries', () => {
    expect(readApiKeys(` alice = ${ALICE_KEY} ,, bob.smith@lab=${BOB_KEY}, `)).toEqual(
      new Map([
        [ALICE_KEY, curator('alice')],
        [BOB_KEY, curator('bob.smith@lab')],
      ]),
    );
  });

  it('keeps everything after the first = as the key', () => {
    expect(readApiKeys('alice=abc=def=ghi=jklmnop')).toEqual(new Map([['abc=def=ghi=jklmnop', curator('alice')]]));
  });

  it('reads no key from an empty or missing setting', () => {
    expect(readApiKeys(undefined)).toEqual(new Map());
    expect(readApiKeys('')).toEqual(new Map());
    expect(readApiKeys(' , ')).toEqual(new Map());
  });

  it('accepts a key of exactly 16 characters', () => {
    expect(readApiKeys('alice=0123456789abcdef')).toEqual(new Map([['0123456789abcdef', curator('alice')]]));
  });

  it('rejects a key shorter than 16 characters, naming whose key it is and the rule, without echoing the key', () => {
    expect(() => readApiKeys(`alice=${ALICE_KEY},bob=short-key`)).toThrow(
      new ConfigError('CODESET_API_KEYS: the key of bob must be at least 16 characters without spaces'),
    );
    expect(() => readApiKeys('bob=')).toThrow(new ConfigError('CODESET_API_KEYS: the key of bob must be at least 16 characters without spaces'));
  });

  it('rejects a key with a space inside', () => {
    expect(() => readApiKeys('alice=0123456789 abcdef0')).toThrow(
      new ConfigError('CODESET_API_KEYS: the key of alice must be at least 16 characters without spaces'),
    );
  });

  it('rejects an entry whose name has characters other than letters, digits and . _ @ -, echoing the start of the entry', () => {
    expect(() => readApiKeys(`alice smith=${ALICE_KEY}`)).toThrow(
      new ConfigError(
        'CODESET_API_KEYS entries are name=key or name:role[+licensed]=key (role reader or curator) with a name of letters, digits, . _ @ -; got an entry starting "alice smith="',
      ),
    );
  });

  it('rejects an entry with no name or no =, echoing the start of the entry', () => {
    expect(() => readApiKeys(`=${ALICE_KEY}`)).toThrow(
      new ConfigError(
        'CODESET_API_KEYS entries are name=key or name:role[+licensed]=key (role reader or curator) with a name of letters, digits, . _ @ -; got an entry starting "=0123456789a"',
      ),
    );
    expect(() => readApiKeys(ALICE_KEY)).toThrow(
      new ConfigError(
        'CODESET_API_KEYS entries are name=key or name:role[+licensed]=key (role reader or curator) with a name of letters, digits, . _ @ -; got an entry starting "0123456789ab"',
      ),
    );
  });

  it('rejects two names sharing one key, naming both', () => {
    expect(() => readApiKeys(`alice=${ALICE_KEY},bob=${ALICE_KEY}`)).toThrow(new ConfigError('CODESET_API_KEYS: two names share one key (bob and alice)'));
  });

  it('is what loadConfig reads from CODESET_API_KEYS', () => {
    expect(loadConfig({ CODESET_API_KEYS: `alice=${ALICE_KEY}` }).apiKeys).toEqual(new Map([[ALICE_KEY, curator('alice')]]));
    expect(loadConfig({}).apiKeys).toEqual(new Map());
  });
});

describe('readApiKeys with roles', () => {
  it('reads name:reader=key as a reader and name:curator=key as a curator, neither licensed', () => {
    expect(readApiKeys(`lab:reader=${ALICE_KEY},bob:curator=${BOB_KEY}`)).toEqual(
      new Map([
        [ALICE_KEY, { name: 'lab', role: 'reader', licensed: false }],
        [BOB_KEY, { name: 'bob', role: 'curator', licensed: false }],
      ]),
    );
  });

  it('marks a credential licensed with +licensed after the role', () => {
    expect(readApiKeys(`billing:reader+licensed=${ALICE_KEY},bob:curator+licensed=${BOB_KEY}`)).toEqual(
      new Map([
        [ALICE_KEY, { name: 'billing', role: 'reader', licensed: true }],
        [BOB_KEY, { name: 'bob', role: 'curator', licensed: true }],
      ]),
    );
  });

  it('keeps name=key meaning an unlicensed curator, as before roles existed', () => {
    expect(readApiKeys(`alice=${ALICE_KEY}`).get(ALICE_KEY)).toEqual({ name: 'alice', role: 'curator', licensed: false });
  });

  it('rejects an unknown role or a licence without a role, echoing the start of the entry', () => {
    const syntax = 'CODESET_API_KEYS entries are name=key or name:role[+licensed]=key (role reader or curator) with a name of letters, digits, . _ @ -;';
    expect(() => readApiKeys(`alice:admin=${ALICE_KEY}`)).toThrow(new ConfigError(`${syntax} got an entry starting "alice:admin="`));
    expect(() => readApiKeys(`alice+licensed=${ALICE_KEY}`)).toThrow(new ConfigError(`${syntax} got an entry starting "alice+licens"`));
  });
});

describe('callerFrom', () => {
  const keys = readApiKeys(`alice=${ALICE_KEY},bob=${BOB_KEY}`);

  it('names the caller whose key comes in X-Api-Key', () => {
    expect(callerFrom({ 'x-api-key': ALICE_KEY }, keys)).toEqual({ credential: 'valid', ...curator('alice') });
  });

  it('names the caller whose key comes as an Authorization bearer token, whatever the case of "Bearer"', () => {
    expect(callerFrom({ authorization: `Bearer ${BOB_KEY}` }, keys)).toEqual({ credential: 'valid', ...curator('bob') });
    expect(callerFrom({ authorization: `bearer   ${BOB_KEY}  ` }, keys)).toEqual({ credential: 'valid', ...curator('bob') });
  });

  it('prefers X-Api-Key over the Authorization header when both come', () => {
    expect(callerFrom({ 'x-api-key': ALICE_KEY, authorization: `Bearer ${BOB_KEY}` }, keys)).toEqual({ credential: 'valid', ...curator('alice') });
    expect(callerFrom({ 'x-api-key': '  ', authorization: `Bearer ${BOB_KEY}` }, keys)).toEqual({ credential: 'valid', ...curator('bob') });
  });

  it('marks a key that belongs to nobody as invalid', () => {
    expect(callerFrom({ 'x-api-key': 'not-a-configured-key' }, keys)).toEqual({ credential: 'invalid' });
    expect(callerFrom({ authorization: `Bearer ${ALICE_KEY.toUpperCase()}` }, keys)).toEqual({ credential: 'invalid' });
  });

  it('marks a request with no key, or an Authorization header of another scheme, as carrying no credential', () => {
    expect(callerFrom({}, keys)).toEqual({ credential: 'none' });
    expect(callerFrom({ authorization: `Basic ${Buffer.from('alice:pw').toString('base64')}` }, keys)).toEqual({ credential: 'none' });
    expect(callerFrom({ 'x-api-key': '   ' }, new Map())).toEqual({ credential: 'none' });
  });

  it('reads the first value of a header sent several times', () => {
    expect(callerFrom({ 'x-api-key': [BOB_KEY, ALICE_KEY] }, keys)).toEqual({ credential: 'valid', ...curator('bob') });
    expect(callerFrom({ authorization: [`Bearer ${ALICE_KEY}`, `Bearer ${BOB_KEY}`] }, keys)).toEqual({ credential: 'valid', ...curator('alice') });
    expect(callerFrom({ 'x-api-key': [] }, keys)).toEqual({ credential: 'none' });
  });

  it('treats every key as invalid when no key is configured', () => {
    expect(callerFrom({ 'x-api-key': ALICE_KEY }, new Map())).toEqual({ credential: 'invalid' });
  });
});

describe('callerFrom with roles', () => {
  it('carries the role and the licence of the credential', () => {
    const keys = readApiKeys(`billing:reader+licensed=${ALICE_KEY}`);
    expect(callerFrom({ 'x-api-key': ALICE_KEY }, keys)).toEqual({ credential: 'valid', name: 'billing', role: 'reader', licensed: true });
  });
});
