import fc from 'fast-check';

/** One generated request: a GraphQL document, its variables, and which credential it carries. */
export interface HostileInput {
  kind: string;
  query: string;
  variables?: Record<string, unknown>;
  /** none: anonymous; invalid: a key nobody holds; reader: a valid reader key (no curation rights). */
  credential: 'none' | 'invalid' | 'reader';
}

const INJECTIONS = [
  "' OR 1=1 //",
  '" OR 1=1 //',
  "E11.9'}) MATCH (n) DETACH DELETE n //",
  'E11.9"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  '`) DETACH DELETE n //',
  '$code',
  '{code: "E11.9"}',
  '\\u0027; CALL dbms.killQueries() //',
  'CALL db.labels()',
  "MATCH (n) SET n.display = 'pwned' RETURN n",
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  '*:*',
  'display:* OR code:*',
  '((((((((((((((((((((',
  '/.*/',
  'a~ b~ c~ d~ e~ f~',
  '\\',
  '"',
  '{ __schema { types { name } } }',
  'query { code(code: "E11.9") { code } }',
  '}}}}}}',
  '#',
  '\u0000',
  '\u202e11.9E',
  '\ud83d\ude00\ud83d\ude00',
  'E11.9\u0000DROP',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%27%22',
  "=cmd|' /C calc'!A0",
];

const codeLike = fc.oneof(
  fc.constantFrom('E11.9', 'E119', 'e11.9', ' E11.9 ', 'J1100', '99213', '0042T', '0DTJ4ZZ', 'S52.521A', 'Z00.00', 'A', '', ' ', '.', 'E11.', '.9'),
  fc.stringMatching(/^[A-Z0-9.]{0,12}$/),
  fc.stringMatching(/^[A-Za-z][0-9]{2}(\.[0-9A-Za-z]{0,5})?$/),
  fc.constantFrom(...INJECTIONS),
);

const hostileText = fc.oneof(
  { weight: 3, arbitrary: codeLike },
  { weight: 2, arbitrary: fc.string({ maxLength: 64 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.constantFrom(...INJECTIONS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('A', 'E11.9', '\u00e9', '\ud83d\ude00', "'"), fc.integer({ min: 1_000, max: 20_000 }))
      .map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  },
);

/** Strings of 100,000 to 1,000,000 characters (kept to a few fields: they cost memory to generate). */
const hugeText = fc
  .tuple(fc.constantFrom('A', '9', '\u00e9', '\ud83d\ude00', "' OR 1=1 //", ' '), fc.integer({ min: 100_000, max: 1_000_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)));

const pageSize = fc.oneof(
  fc.constantFrom(0, -1, 1, 20, 500, 501, 1000, 1001, 5000, 2_147_483_647, -2_147_483_648),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
);
// eslint-disable-next-line no-loss-of-precision -- 2^53 + 1 is the point: a number JSON cannot carry exactly
const overflowingNumber = fc.constantFrom(2_147_483_648, 9_007_199_254_740_993, 1e308, -1e308, 1.5, Number.NaN);
const systemValue = fc.oneof(
  fc.constantFrom('CPT', 'HCPCS', 'ICD10CM', 'ICD10PCS', 'ICD10'),
  fc.constantFrom('cpt', 'DROP', '', 'CPT; MATCH (n) DELETE n'),
  fc.string({ maxLength: 12 }),
);
const cursor = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.base64String({ maxLength: 40 }),
  fc.integer().map((n) => Buffer.from(`offset:${n}`).toString('base64')),
  fc.constantFrom(
    Buffer.from('offset:-1').toString('base64'),
    Buffer.from('offset:2147483648').toString('base64'),
    Buffer.from('offset:99999999999999999999').toString('base64'),
    Buffer.from('{"$ne":1}').toString('base64'),
  ),
);
const date = fc.oneof(
  fc.constantFrom('2026-03-15', '2026-02-30', '0000-00-00', '9999-12-31', '2026-3-15', '', 'yesterday', '2026-03-15T00:00:00Z'),
  fc.string({ maxLength: 12 }),
);
const credential = fc.constantFrom<'none' | 'invalid' | 'reader'>('none', 'invalid', 'reader');

/** Variable-carried hostile values on each root field. */
const fieldInputs: fc.Arbitrary<HostileInput> = fc.oneof(
  fc.record({ text: hugeText, field: fc.constantFrom('code', 'search', 'checkPairing'), credential }).map(({ text, field, credential }) => ({
    kind: 'huge-string',
    query:
      field === 'code'
        ? 'query($t: String!) { code(code: $t) { code } }'
        : field === 'search'
          ? 'query($t: String!) { search(text: $t) { totalCount } }'
          : 'query($t: String!) { checkPairing(diagnosis: $t, procedure: $t) { verdict } }',
    variables: { t: text },
    credential,
  })),
  fc.record({ code: hostileText, system: fc.option(systemValue, { nil: undefined }), credential }).map(({ code, system, credential }) => ({
    kind: 'code',
    query: 'query($code: String!, $system: CodeSystemId) { code(code: $code, system: $system) { code display systemId parent { code } } }',
    variables: { code, system },
    credential,
  })),
  fc
    .record({ text: hostileText, first: fc.oneof(pageSize, overflowingNumber), after: fc.option(cursor, { nil: undefined }), credential })
    .map(({ text, first, after, credential }) => ({
      kind: 'search',
      query:
        'query($text: String!, $first: Int, $after: String) { search(text: $text, first: $first, after: $after) { totalCount nodes { code display } pageInfo { endCursor } } }',
      variables: { text, first, after },
      credential,
    })),
  fc.record({ code: codeLike, first: pageSize, after: fc.option(cursor, { nil: undefined }), credential }).map(({ code, first, after, credential }) => ({
    kind: 'descendants',
    query:
      'query($code: String!, $first: Int, $after: String) { code(code: $code) { descendants(first: $first, after: $after) { totalCount nodes { code } } } }',
    variables: { code, first, after },
    credential,
  })),
  fc.record({ diagnosis: hostileText, procedure: hostileText, date, credential }).map(({ diagnosis, procedure, date, credential }) => ({
    kind: 'checkPairing',
    query:
      'query($d: String!, $p: String!, $date: Date) { checkPairing(diagnosis: $d, procedure: $p, dateOfService: $date) { verdict reasons pairings { status } } }',
    variables: { d: diagnosis, p: procedure, date },
    credential,
  })),
  fc
    .record({
      diagnoses: fc.array(fc.oneof({ weight: 9, arbitrary: codeLike }, { weight: 1, arbitrary: hostileText }), { maxLength: 20 }),
      lines: fc.array(
        fc.record({
          procedure: fc.oneof({ weight: 9, arbitrary: codeLike }, { weight: 1, arbitrary: hostileText }),
          diagnosisPointers: fc.array(fc.integer({ min: -5, max: 20 }), { maxLength: 6 }),
        }),
        { maxLength: 60 },
      ),
      date: fc.option(date, { nil: undefined }),
      credential,
    })
    .map(({ diagnoses, lines, date, credential }) => ({
      kind: 'validateClaim',
      query: 'query($claim: ClaimInput!) { validateClaim(claim: $claim) { outcome findings { code severity message } } }',
      variables: { claim: { diagnoses, lines, dateOfService: date } },
      credential,
    })),
  fc
    .record({
      code: hostileText,
      first: pageSize,
      after: fc.option(cursor, { nil: undefined }),
      policy: fc.option(hostileText, { nil: undefined }),
      credential,
    })
    .map(({ code, first, after, policy, credential }) => ({
      kind: 'justifiedBy',
      query:
        'query($code: String!, $first: Int, $after: String, $policy: String) { code(code: $code) { ... on Procedure { justifiedBy(first: $first, after: $after, policy: $policy) { totalCount nodes { status diagnosis { code } } } } } }',
      variables: { code, first, after, policy },
      credential,
    })),
  fc.record({ system: systemValue, version: hostileText, id: hostileText, credential }).map(({ system, version, id, credential }) => ({
    kind: 'release-policy-modifier',
    query:
      'query($system: CodeSystemId!, $version: String!, $id: String!) { release(system: $system, version: $version) { id } policy(id: $id) { id } modifier(code: $id) { code } }',
    variables: { system, version, id },
    credential,
  })),
  fc.record({ diagnosis: hostileText, procedure: hostileText, rationale: hostileText, credential }).map(({ diagnosis, procedure, rationale, credential }) => ({
    kind: 'addPairing',
    query: 'mutation($input: AddPairingInput!) { addPairing(input: $input) { id } }',
    variables: { input: { diagnosis, procedure, rationale, source: rationale } },
    credential,
  })),
  fc.record({ id: hostileText, reason: hostileText, credential }).map(({ id, reason, credential }) => ({
    kind: 'retirePairing',
    query: 'mutation($id: String!, $reason: String!) { retirePairing(id: $id, reason: $reason) { id } }',
    variables: { id, reason },
    credential,
  })),
);

const fieldNames = ['code', 'display', 'parent', 'children', 'ancestors', 'descendants', 'search', 'x', '__typename', '__schema', 'system', 'categories'];

/** Documents that are malformed, deep, wide or expensive, with literal (not variable) values. */
const documents: fc.Arbitrary<HostileInput> = fc.oneof(
  fc.integer({ min: 2, max: 400 }).map((levels) => ({
    kind: 'deep',
    query: `{ code(code: "E11.9") { ${'parent { '.repeat(levels)}code${' }'.repeat(levels)} } }`,
    credential: 'none' as const,
  })),
  fc.integer({ min: 2, max: 300 }).map((levels) => ({
    kind: 'deep-children',
    query: `{ search(text: "diabetes", first: 500) { nodes { ${'children { '.repeat(levels)}code${' }'.repeat(levels)} } } }`,
    credential: 'none' as const,
  })),
  fc.integer({ min: 10, max: 3000 }).map((n) => ({
    kind: 'wide-aliases',
    query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: search(text: "a", first: 500) { nodes { code } }`).join(' ')} }`,
    credential: 'none' as const,
  })),
  fc.integer({ min: 10, max: 5000 }).map((n) => ({
    kind: 'wide-scalars',
    query: `{ codeSystems { ${Array.from({ length: n }, (_, i) => `f${i}: id`).join(' ')} } }`,
    credential: 'none' as const,
  })),
  fc.tuple(fc.constantFrom('descendants', 'search(text: "a",', 'justifiedBy'), fc.oneof(pageSize, overflowingNumber)).map(([field, first]) => ({
    kind: 'literal-page',
    query: field.startsWith('search')
      ? `{ search(text: "a", first: ${first}) { totalCount } }`
      : field === 'descendants'
        ? `{ code(code: "E11") { descendants(first: ${first}) { totalCount } } }`
        : `{ code(code: "80061") { ... on Procedure { justifiedBy(first: ${first}) { totalCount } } } }`,
    credential: 'none' as const,
  })),
  fc
    .array(
      fc.constantFrom(
        ...fieldNames,
        '{',
        '}',
        '(',
        ')',
        ':',
        '"x"',
        '$v',
        '...',
        'on',
        'fragment',
        'query',
        'mutation',
        '@include(if: true)',
        '1e999',
        '#',
        ',',
      ),
      { maxLength: 60 },
    )
    .map((tokens) => ({
      kind: 'token-soup',
      query: tokens.join(' '),
      credential: 'none' as const,
    })),
  fc
    .tuple(
      fc.constantFrom(
        '{ code(code: "E11.9") { code display parent { code } } }',
        '{ search(text: "diabetes") { nodes { code } } }',
        'mutation { addPairing(input: {diagnosis: "E11.9", procedure: "83036", rationale: "x", source: "y"}) { id } }',
      ),
      fc.nat(),
      fc.string({ maxLength: 8 }),
      fc.nat(),
    )
    .map(([valid, at, insert, cut]) => {
      const i = at % (valid.length + 1);
      return { kind: 'mutated-document', query: valid.slice(0, i) + insert + valid.slice(i + (cut % 4)), credential: 'none' as const };
    }),
  fc.constantFrom<HostileInput>(
    {
      kind: 'fragment-cycle',
      query: 'query { code(code: "E11.9") { ...A } } fragment A on Code { parent { ...B } } fragment B on Code { parent { ...A } }',
      credential: 'none',
    },
    { kind: 'introspection-deep', query: `{ __schema { types { fields { type { ${'ofType { '.repeat(60)}name${' }'.repeat(60)} } } } } }`, credential: 'none' },
    { kind: 'introspection', query: '{ __schema { queryType { name } types { name fields { name args { name } } } } }', credential: 'none' },
    { kind: 'many-operations', query: Array.from({ length: 200 }, (_, i) => `query Q${i} { codeSystems { id } }`).join('\n'), credential: 'none' },
    { kind: 'directive-bomb', query: `{ codeSystems ${'@include(if: true) '.repeat(500)} { id } }`, credential: 'none' },
    { kind: 'empty', query: '', credential: 'none' },
    { kind: 'subscription', query: 'subscription { codeSystems { id } }', credential: 'none' },
    { kind: 'unknown-variable-type', query: 'query($x: Nope) { codeSystems { id } }', credential: 'none' },
  ),
);

/** Hostile GraphQL operations: about two thirds carry hostile variable values, one third hostile documents. */
export const hostileInputs: fc.Arbitrary<HostileInput> = fc.oneof({ weight: 2, arbitrary: fieldInputs }, { weight: 1, arbitrary: documents });

/** `count` inputs, the same for the same seed. */
export function sampleHostileInputs(count: number, seed: number): HostileInput[] {
  return fc.sample(hostileInputs, { numRuns: count, seed });
}

/** Raw HTTP bodies that never parse as a GraphQL request (sent as application/json). */
export function hostileBodies(maxBodyBytes: number): Array<{ kind: string; body: string | Buffer; contentType: string }> {
  return [
    { kind: 'not-json', body: '{ code(code: "E11.9") { code } }', contentType: 'application/json' },
    { kind: 'truncated-json', body: '{"query": "{ codeSystems { id } }"', contentType: 'application/json' },
    {
      kind: 'json-array-batch',
      body: JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ codeSystems { id } }' }))),
      contentType: 'application/json',
    },
    { kind: 'json-number', body: '12345', contentType: 'application/json' },
    { kind: 'json-null', body: 'null', contentType: 'application/json' },
    { kind: 'query-not-string', body: JSON.stringify({ query: { $ne: 1 } }), contentType: 'application/json' },
    {
      kind: 'variables-not-object',
      body: JSON.stringify({ query: 'query($c: String!) { code(code: $c) { code } }', variables: '["E11.9"]' }),
      contentType: 'application/json',
    },
    {
      kind: 'proto-pollution',
      body: '{"query": "{ codeSystems { id } }", "variables": {"__proto__": {"admin": true}}, "__proto__": {"polluted": 1}}',
      contentType: 'application/json',
    },
    { kind: 'oversized', body: JSON.stringify({ query: `{ codeSystems { id } } #${'x'.repeat(maxBodyBytes + 10)}` }), contentType: 'application/json' },
    {
      kind: 'deeply-nested-json',
      body: `{"query": "{ codeSystems { id } }", "variables": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
      contentType: 'application/json',
    },
    {
      kind: 'invalid-utf8',
      body: Buffer.concat([Buffer.from('{"query": "{ code(code: \\"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\\") { code } }"}')]),
      contentType: 'application/json',
    },
    { kind: 'wrong-charset', body: '{"query": "{ codeSystems { id } }"}', contentType: 'application/json; charset=utf-7' },
    { kind: 'text-plain', body: '{"query": "{ codeSystems { id } }"}', contentType: 'text/plain' },
    { kind: 'form', body: 'query=%7B+codeSystems+%7B+id+%7D+%7D', contentType: 'application/x-www-form-urlencoded' },
  ];
}
