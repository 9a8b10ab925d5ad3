/**
 * The query mix of `npm run bench`: for each question, the samples it rotates through (read from
 * the benchmark graph) and the request each contender gets for a sample: (a) the service's GraphQL,
 * (b) the closest @neo4j/graphql query, (c) the floor's route with the service's Cypher parameters.
 */
import type { Driver } from 'neo4j-driver';
import { parseCode, type CodeKey } from '../../src/common/code-format';
import { CodeSystemId } from '../../src/domain/code-system-id';
import { planSearch } from '../../src/modules/search/search-query';

/** (a) the service as shipped (answer cache on), (a0) the service with CODESET_CACHE_MB=0, (b) @neo4j/graphql, (c) the floor. */
export type ContenderId = 'service' | 'uncached' | 'generated' | 'floor';

export interface BenchRequest {
  /** Path on the contender's origin: /graphql, or /<query> on the floor. */
  path: string;
  body: string;
}

export interface MixQuery {
  name: string;
  title: string;
  /** How (b) answers, and what it cannot say; null when (b) has no equivalent. */
  generatedNote: string;
  samples: number;
  request: (contender: ContenderId, sample: number) => BenchRequest | null;
}

const AS_OF = '2026-03-15';
const gql = (query: string, variables: Record<string, unknown>): BenchRequest => ({ path: '/graphql', body: JSON.stringify({ query, variables }) });
const floor = (name: string, params: Record<string, unknown>): BenchRequest => ({ path: `/${name}`, body: JSON.stringify(params) });

const SEARCH_TEXTS = [
  'diab',
  'diab typ',
  'hypert',
  'fract fem',
  'asthm',
  'pneum',
  'lipid',
  'gluc',
  'insul',
  'chest pain',
  'anem',
  'urin',
  'thyr',
  'vitam d',
  'pregn',
  'sepsis',
  'migra',
  'depress',
  'obes',
  'fever',
];

/** Codes spread evenly over a system's code order: every k-th of those matching. */
async function spread(driver: Driver, system: string, where: string, count: number): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (c:Code:Published {system: $system}) WHERE ${where} WITH c ORDER BY c.code WITH collect(c.code) AS codes
     RETURN [i IN range(0, $count - 1) | codes[toInteger(i * size(codes) / $count)]] AS picked`,
    { system, count },
  );
  return (records[0].get('picked') as Array<string | null>).filter((c): c is string => c !== null);
}

function procedureKey(code: string): CodeKey {
  const parsed = parseCode(code);
  const key = parsed.ok ? parsed.candidates.find((k) => k.system !== CodeSystemId.ICD10CM) : undefined;
  if (!key) throw new Error(`${code} is no procedure code`);
  return key;
}

const pairKey = (dx: string, px: CodeKey) => ({ key: `${dx}|${px.system}|${px.code}`, diagnosisCode: dx, procedureSystem: px.system, procedureCode: px.code });

interface Claim {
  diagnoses: string[];
  procedures: string[];
}

/** Reads the samples from the graph and builds the six questions. */
export async function buildMix(driver: Driver): Promise<MixQuery[]> {
  const lookups = [
    ...(await spread(driver, 'ICD10CM', 'c.billable', 100)).map((code) => ({ system: 'ICD10CM', code })),
    ...(await spread(driver, 'ICD10PCS', 'true', 50)).map((code) => ({ system: 'ICD10PCS', code })),
    ...(await spread(driver, 'HCPCS', 'true', 50)).map((code) => ({ system: 'HCPCS', code })),
  ];
  const headers = (await spread(driver, 'ICD10CM', "c.kind = 'CATEGORY' AND COUNT { (c)<-[:CHILD_OF]-() } > 0", 50)).map((code) => ({
    system: 'ICD10CM',
    code,
  }));
  const governed = (
    await driver.executeQuery(
      `MATCH (:Policy {status: 'complete'})-[:GOVERNS]->(px:Code) WITH DISTINCT px ORDER BY px.code
       OPTIONAL CALL (px) {
         MATCH (pol:Policy)-[:GOVERNS]->(px)
         MATCH (pol)-[:LISTS {status: 'COVERED'}]->(dx:Code:Published)
         RETURN dx.code AS covered ORDER BY dx.sequence LIMIT 1
       }
       RETURN px.system AS system, px.code AS code, covered`,
    )
  ).records.map((r) => ({ system: String(r.get('system')), code: String(r.get('code')), covered: r.get('covered') as string | null }));
  // Each procedure with a diagnosis its policy covers (or the first listed one), and with one it does not list.
  const pairs = governed.flatMap((px, i) => [
    { dx: px.covered ?? 'E11.9', px: px.code },
    { dx: ['S52.521A', 'J45.909', 'M54.50', 'K21.9', 'F41.1'][i % 5], px: px.code },
  ]);
  const claims: Claim[] = [];
  for (let i = 0; i + 10 <= pairs.length; i += 10) {
    const slice = pairs.slice(i, i + 10);
    claims.push({ diagnoses: slice.map((p) => p.dx), procedures: slice.map((p) => p.px) });
  }

  const LOOKUP = `query($code: String!, $system: CodeSystemId!) { code(code: $code, system: $system) {
    code display billable kind systemId parent { code display } categories { kind code title } } }`;
  const LOOKUP_B = `query($code: String!, $system: String!) { codes(where: { code: { eq: $code }, system: { eq: $system } }) {
    code display billable kind system parent { code display } categories { kind code title parent { kind code title } } } }`;
  const SEARCH = `query($text: String!) { search(text: $text, first: 10) { totalCount edges { score node { code display systemId } } } }`;
  const SEARCH_B = `query($phrase: String!) { codesByText(phrase: $phrase, first: 10, sort: [{ score: DESC }]) { totalCount edges { score node { code display system } } } }`;
  const DESCENDANTS = `query($code: String!) { code(code: $code, system: ICD10CM) { code descendants(first: 50) { totalCount edges { node { code display billable } } } } }`;
  const DESCENDANTS_B = `query($code: String!) { codes(where: { code: { eq: $code }, system: { eq: "ICD10CM" } }) { code descendantCount descendants(first: 50) { code display billable } } }`;
  const JUSTIFIED_BY = `query($code: String!, $system: CodeSystemId!) { code(code: $code, system: $system) { ... on Procedure {
    justifiedBy(first: 50, asOf: "${AS_OF}") { totalCount edges { node { diagnosis { code display } status listedAs matchedVia effectiveFrom effectiveTo policy { key title } } } } } } }`;
  const JUSTIFIED_BY_B = `query($code: String!, $system: String!, $asOf: Date!) { codes(where: { code: { eq: $code }, system: { eq: $system } }) { code
    governedBy { id title listsConnection(first: 50, sort: [{ node: { sequence: ASC } }],
      where: { edge: { status: { in: ["COVERED"] }, effectiveFrom: { lte: $asOf }, OR: [{ effectiveTo: { eq: null } }, { effectiveTo: { gt: $asOf } }] } }) {
      totalCount edges { properties { status listedAs via effectiveFrom effectiveTo } node { code display } } } } } }`;
  const CHECK = `query($dx: String!, $px: String!) { checkPairing(diagnosis: $dx, procedure: $px, dateOfService: "${AS_OF}") {
    verdict reasons pairings { status listedAs matchedVia policy { key title } } } }`;
  /** One procedure's governing policies in force and their listings of the given diagnoses. */
  const governedListings = (
    alias: string,
    px: string,
    dx: string,
  ) => `${alias}: codes(where: { code: { eq: ${px} }, system: { in: ["CPT", "HCPCS", "ICD10PCS"] } }) { code billable
    governedByConnection(where: { edge: { OR: [{ effectiveFrom: { eq: null } }, { effectiveFrom: { lte: $asOf } }] } }) { edges { node { id title defaultStatus
      listsConnection(where: { node: { code: { in: ${dx} } }, edge: { effectiveFrom: { lte: $asOf }, OR: [{ effectiveTo: { eq: null } }, { effectiveTo: { gt: $asOf } }] } }) {
        edges { properties { status listedAs via effectiveFrom effectiveTo } node { code } } } } } } }`;
  const CHECK_B = `query($dx: String!, $dxList: [String!]!, $px: String!, $asOf: Date!) {
    dx: codes(where: { code: { eq: $dx }, system: { eq: "ICD10CM" } }) { code billable }
    ${governedListings('px', '$px', '$dxList')} }`;
  const VALIDATE = `query($claim: ClaimInput!) { validateClaim(claim: $claim) { outcome summary findings { code message }
    lines { line outcome summary findings { code severity message evidence { kind policyId listedAs detail } } } } }`;
  const validateB = (
    claim: Claim,
  ) => `query($asOf: Date!, $dx: [String!]!, ${claim.procedures.map((_, i) => `$dx${i}: [String!]!, $px${i}: String!`).join(', ')}) {
    diagnoses: codes(where: { code: { in: $dx }, system: { eq: "ICD10CM" } }) { code billable validIn { version effectiveFrom effectiveTo }
      excludes1(where: { code: { in: $dx } }) { code } }
    ${claim.procedures.map((_, i) => governedListings(`line${i + 1}`, `$px${i}`, `$dx${i}`)).join('\n')} }`;
  const claimInput = (claim: Claim) => ({
    dateOfService: AS_OF,
    diagnoses: claim.diagnoses,
    lines: claim.procedures.map((procedure, i) => ({ procedure, diagnosisPointers: [i + 1] })),
  });
  const claimParams = (claim: Claim) => {
    const keys = new Map<string, CodeKey>();
    for (const dx of claim.diagnoses) keys.set(`ICD10CM|${dx}`, { system: CodeSystemId.ICD10CM, code: dx });
    for (const px of claim.procedures) keys.set(`${procedureKey(px).system}|${px}`, procedureKey(px));
    const dxCodes = [...new Set(claim.diagnoses)];
    return {
      keys: [...keys.values()],
      pairs: claim.procedures.map((px, i) => pairKey(claim.diagnoses[i], procedureKey(px))),
      conflictPairs: dxCodes.flatMap((a) => dxCodes.filter((b) => b !== a).map((b) => ({ a, b }))),
      date: AS_OF,
    };
  };

  /** The same claim with every edit family in play: 12 diagnoses, units, 4 modifiers per line, a state (issue 15). */
  const editsInput = (claim: Claim) => ({
    dateOfService: AS_OF,
    state: 'NY',
    diagnoses: [...claim.diagnoses, 'E78.5', 'I10'],
    lines: claim.procedures.map((procedure, i) => ({ procedure, diagnosisPointers: [i + 1, 11, 12], units: 2, modifiers: ['59', '25', 'XU', '91'] })),
  });

  return [
    {
      name: 'lookup',
      title: 'code lookup (with parent and categories)',
      generatedNote: "`codes(where: {code, system})` with `parent` and `categories { parent }` (the chapter is the block's parent)",
      samples: lookups.length,
      request(contender, i) {
        const { system, code } = lookups[i];
        if (contender === 'service' || contender === 'uncached') return gql(LOOKUP, { code, system });
        if (contender === 'generated') return gql(LOOKUP_B, { code, system });
        return floor('lookup', { system, code });
      },
    },
    {
      name: 'search',
      title: 'search, autocomplete (first: 10)',
      generatedNote: 'the @fulltext query on the same `code_text` index, given the same Lucene text; ties are in score order only',
      samples: SEARCH_TEXTS.length,
      request(contender, i) {
        const text = SEARCH_TEXTS[i];
        const plan = planSearch(text);
        if (plan.mode !== 'text') throw new Error(`${text} is not a text search`);
        if (contender === 'service' || contender === 'uncached') return gql(SEARCH, { text });
        if (contender === 'generated') return gql(SEARCH_B, { phrase: plan.lucene });
        return floor('search', { lucene: plan.lucene, first: 10 });
      },
    },
    {
      name: 'descendants',
      title: 'descendants page (first: 50, all levels)',
      generatedNote: 'no transitive traversal is generated: a hand-written `@cypher` field (`descendants`, `descendantCount`) in the type definitions',
      samples: headers.length,
      request(contender, i) {
        const { system, code } = headers[i];
        if (contender === 'service' || contender === 'uncached') return gql(DESCENDANTS, { code });
        if (contender === 'generated') return gql(DESCENDANTS_B, { code });
        return floor('descendants', { system, code, first: 50 });
      },
    },
    {
      name: 'justifiedBy',
      title: 'justifiedBy(first: 50), the 60 NCD procedures',
      generatedNote:
        "each governing policy's COVERED listings in force (`listsConnection(first: 50)` sorted by tabular order); default rules (190.15 covers every diagnosis it does not list) and curated pairings are not expressible, so (b) returns fewer rows for the 11 blood counts",
      samples: governed.length,
      request(contender, i) {
        const { system, code } = governed[i];
        if (contender === 'service' || contender === 'uncached') return gql(JUSTIFIED_BY, { code, system });
        if (contender === 'generated') return gql(JUSTIFIED_BY_B, { code, system, asOf: AS_OF });
        return floor('justifiedBy', { system, code, asOf: AS_OF, first: 50 });
      },
    },
    {
      name: 'checkPairing',
      title: 'checkPairing (120 pairs, half listed)',
      generatedNote:
        "the two codes and the procedure's policies with their listings of the diagnosis; the verdict (most specific listing, default rule, NO_POLICY) is left to the client",
      samples: pairs.length,
      request(contender, i) {
        const { dx, px } = pairs[i];
        if (contender === 'service' || contender === 'uncached') return gql(CHECK, { dx, px });
        if (contender === 'generated') return gql(CHECK_B, { dx, dxList: [dx], px, asOf: AS_OF });
        const key = procedureKey(px);
        return floor('checkPairing', { keys: [{ system: 'ICD10CM', code: dx }, key], pairs: [pairKey(dx, key)], date: AS_OF });
      },
    },
    {
      name: 'validateClaim',
      title: 'validateClaim, 10 lines',
      generatedNote:
        'one request with an alias per line (as checkPairing) plus the diagnoses with their releases and direct Excludes1 edges among them; Excludes1 notes on ancestors and categories, code validity on the date and all findings are left to the client',
      samples: claims.length,
      request(contender, i) {
        const claim = claims[i];
        if (contender === 'service' || contender === 'uncached') return gql(VALIDATE, { claim: claimInput(claim) });
        if (contender === 'generated') {
          const variables: Record<string, unknown> = { asOf: AS_OF, dx: claim.diagnoses };
          claim.procedures.forEach((px, j) => {
            variables[`px${j}`] = px;
            variables[`dx${j}`] = [claim.diagnoses[j]];
          });
          return gql(validateB(claim), variables);
        }
        return floor('validateClaim', claimParams(claim));
      },
    },
    {
      name: 'validateClaimEdits',
      title: 'validateClaim, 10 lines, 12 diagnoses, 4 modifiers, a state: NCD, Excludes1, PTP, MUE and LCD',
      generatedNote: 'the service only: compare its p50 with validateClaim above (issue 15: within 1.5x)',
      samples: claims.length,
      request(contender, i) {
        if (contender !== 'service' && contender !== 'uncached') return null;
        return gql(VALIDATE, { claim: editsInput(claims[i]) });
      },
    },
  ];
}
