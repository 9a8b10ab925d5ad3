import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCmsTables } from '../../src/import/cms/cms-import';
import { runMcdImport } from '../../src/import/cms/mcd-import';
import { createHarness, type Harness } from '../support/harness';

/**
 * Issue 15: the Medicare Coverage Database current-article fixture (data/sample/cms/current_article.zip,
 * built from test/fixtures/cms/current_article_csv) imported through the folder reader into the
 * sample graph. The expected graph comes from a plain comma split of the fixture CSVs written here,
 * not from the importer's readers; the one range (R73.01 B … R73.09 E) is expanded by the sample's
 * own tabular order read from the graph. What the tests write is removed afterwards.
 */
const SAMPLE = path.join(__dirname, '../../data/sample/cms');
const CSV_DIR = path.join(__dirname, '../../test/fixtures/cms/current_article_csv');
let h: Harness;

/** The rows of a fixture table as objects by header name (the fixtures' code tables quote nothing). */
function table(name: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(path.join(CSV_DIR, `${name}.csv`), 'latin1')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const names = header.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

async function counts() {
  const [row] = await h.executor.read('import/graph-counts');
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

async function removeArticles() {
  await h.driver.executeQuery('MATCH (p:LcdArticle) OPTIONAL MATCH (p)-[:HAS_GROUP]->(g:CodeGroup) DETACH DELETE g, p');
  await h.driver.executeQuery('MATCH (n) WHERE n:Contractor OR n:State DETACH DELETE n');
}

/** The sample start's articles (the global setup loads the sample, fixture included) before the tests remove them. */
let sampleStart: Array<{ id: string; status: string; origin: string }> = [];

beforeAll(async () => {
  h = await createHarness();
  sampleStart = (await h.driver.executeQuery('MATCH (p:LcdArticle) RETURN p.id AS id, p.status AS status, p.origin AS origin ORDER BY id')).records.map(
    (r) => r.toObject() as { id: string; status: string; origin: string },
  );
  await removeArticles();
});
afterAll(async () => {
  // Back to the sample start for the test files that follow.
  await removeArticles();
  const { articles } = await findCmsTables(SAMPLE);
  await runMcdImport(h.executor, articles!, { origin: 'sample' });
  await h.close();
});

describe('the sample start (issue 15)', () => {
  it('loads the MCD current-article fixture as sample articles, complete', () => {
    expect(sampleStart).toEqual(
      table('article')
        .map((a) => ({ id: a.display_id, status: 'complete', origin: 'sample' }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});

describe('importing the MCD current-article download (issue 15)', () => {
  it('refuses a CSV folder whose covered-codes header is re-ordered, writing nothing and naming the file, line and columns expected', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcd-bad-'));
    cpSync(CSV_DIR, path.join(dir, 'current_article_csv'), { recursive: true });
    const file = path.join(dir, 'current_article_csv', 'article_x_icd10_covered.csv');
    writeFileSync(file, readFileSync(file, 'latin1').replace('icd10_code_id,icd10_code_version', 'icd10_code_version,icd10_code_id'), 'latin1');
    const before = await counts();
    const { articles } = await findCmsTables(dir);
    expect(articles?.name).toBe('current_article_csv');
    await expect(runMcdImport(h.executor, articles!)).rejects.toThrow(
      /article_x_icd10_covered\.csv line 1: the header row has columns .*; expected the columns "article_id", "article_version", "icd10_code_id", "icd10_code_version", "icd10_covered_group", "range", "asterisk", in that order/,
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses an inner zip whose contractor table lacks a column, writing nothing and naming it', async () => {
    const outer = await JSZip.loadAsync(readFileSync(path.join(SAMPLE, 'current_article.zip')));
    const inner = await JSZip.loadAsync(await outer.file('current_article_csv.zip')!.async('nodebuffer'));
    const contractor = await inner.file('contractor.csv')!.async('string');
    inner.file('contractor.csv', contractor.replace('contractor_bus_name,', 'business_name,'));
    const dir = mkdtempSync(path.join(tmpdir(), 'mcd-bad-'));
    writeFileSync(path.join(dir, 'current_article_csv.zip'), await inner.generateAsync({ type: 'nodebuffer' }));
    const before = await counts();
    const { articles } = await findCmsTables(dir);
    expect(articles?.name).toBe('current_article_csv.zip');
    await expect(runMcdImport(h.executor, articles!)).rejects.toThrow(
      /current_article_csv\.zip!contractor\.csv line 1: .*expected the columns "contractor_id", "contractor_type_id", "contractor_version", "contractor_bus_name", "contractor_number".*missing "contractor_bus_name"/,
    );
    expect(await counts()).toEqual(before);
  });

  it('finds current_article.zip in --dir, writes each article as an LCD_ARTICLE policy with its groups, codes, contractors and states, answers Procedure.coverageArticles by state and date, and changes nothing the second time', async () => {
    const { articles, ignored } = await findCmsTables(SAMPLE);
    expect(ignored).toEqual([]);
    expect(articles?.name).toBe('current_article.zip');
    const first = await runMcdImport(h.executor, articles!);
    expect(first.changes).toBeGreaterThan(0);
    expect(first.unresolved).toEqual({});

    // Articles.
    const articleRows = table('article');
    const policies = await h.driver.executeQuery(
      "MATCH (p:Policy {kind: 'LCD_ARTICLE'}) RETURN p.id AS id, p.version AS version, p.title AS title, toString(p.effectiveFrom) AS from, p.effectiveTo AS to, p.status AS status, p.sourceFiles AS files, toString(p.fileDate) AS fileDate, p.lcds AS lcds ORDER BY id",
    );
    const related = table('article_related_documents');
    expect(policies.records.map((r) => r.toObject())).toEqual(
      articleRows
        .map((a) => ({
          id: a.display_id,
          version: a.article_version,
          title: a.title,
          from: a.article_eff_date,
          to: null,
          status: 'complete',
          files: ['current_article.zip'],
          fileDate: articleRows
            .map((x) => x.last_updated.slice(0, 10))
            .sort()
            .at(-1),
          lcds: related.filter((r) => r.article_id === a.article_id).map((r) => `L${r.r_lcd_id}`),
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    const display = new Map(articleRows.map((a) => [a.article_id, a.display_id]));

    // Procedure codes.
    const governs = await h.driver.executeQuery(
      "MATCH (p:LcdArticle)-[g:GOVERNS]->(c:Code) RETURN p.id + ' ' + c.code + ' [' + reduce(s = '', n IN g.groups | s + toString(n)) + ']' AS edge",
    );
    expect(governs.records.map((r) => r.get('edge')).sort()).toEqual(
      table('article_x_hcpc_code')
        .map((r) => `${display.get(r.article_id)} ${r.hcpc_code_id} [${r.hcpc_code_group}]`)
        .sort(),
    );

    // Diagnoses: each code row, and the range row pair expanded by the sample's tabular order.
    const ordered = (await h.driver.executeQuery('MATCH (c:Code:ICD10CM:Published) RETURN c.code AS code ORDER BY c.sequence')).records.map((r) =>
      String(r.get('code')),
    );
    const expectedListings = (name: 'covered' | 'noncovered', status: string) => {
      const rows = table(`article_x_icd10_${name}`);
      const out: string[] = [];
      for (let i = 0; i < rows.length; i += 1) {
        const r = rows[i];
        const group = r[`icd10_${name}_group`];
        const article = display.get(r.article_id);
        if (r.range === 'B') {
          const end = rows[i + 1];
          expect(end.range).toBe('E');
          const codes = ordered.slice(ordered.indexOf(r.icd10_code_id), ordered.indexOf(end.icd10_code_id) + 1);
          expect(codes.length).toBeGreaterThan(2);
          for (const c of codes) out.push(`${article} ${c} ${status} ${group} RANGE ${r.icd10_code_id}-${end.icd10_code_id}`);
          i += 1;
        } else out.push(`${article} ${r.icd10_code_id} ${status} ${group} CODE ${r.icd10_code_id}`);
      }
      return out;
    };
    const lists = await h.driver.executeQuery(
      "MATCH (p:LcdArticle)-[l:LISTS]->(c:Code) RETURN p.id + ' ' + c.code + ' ' + l.status + ' ' + toString(l.group) + ' ' + l.via + ' ' + l.listedAs AS edge",
    );
    expect(lists.records.map((r) => r.get('edge')).sort()).toEqual(
      [...expectedListings('covered', 'COVERED'), ...expectedListings('noncovered', 'NOT_MEDICALLY_NECESSARY')].sort(),
    );
    expect(lists.records.map((r) => r.get('edge'))).toContain('A59001 R73.02 COVERED 1 RANGE R73.01-R73.09');

    // Groups, with the second-group rule read from the paragraphs.
    const groups = await h.driver.executeQuery(
      'MATCH (p:LcdArticle)-[:HAS_GROUP]->(g:CodeGroup) RETURN p.id AS article, g.kind AS kind, g.number AS number, g.requiresGroups AS requires, g.paragraph AS paragraph ORDER BY article, kind, number',
    );
    const groupRows = [
      ...table('article_x_hcpc_code_group').map((r) => ({ article: display.get(r.article_id), kind: 'PROCEDURE', number: Number(r.hcpc_code_group) })),
      ...table('article_x_icd10_covered_group').map((r) => ({ article: display.get(r.article_id), kind: 'COVERED', number: Number(r.icd10_covered_group) })),
      ...table('article_x_icd10_noncovered_group').map((r) => ({
        article: display.get(r.article_id),
        kind: 'NONCOVERED',
        number: Number(r.icd10_noncovered_group),
      })),
    ].sort((a, b) => `${a.article} ${a.kind} ${a.number}`.localeCompare(`${b.article} ${b.kind} ${b.number}`));
    expect(groups.records.map((r) => ({ article: r.get('article'), kind: r.get('kind'), number: Number(r.get('number')) }))).toEqual(groupRows);
    const requires = Object.fromEntries(
      groups.records
        .filter((r) => r.get('kind') === 'COVERED')
        .map((r) => [`${r.get('article')}/${r.get('number')}`, (r.get('requires') as unknown[]).map(Number)]),
    );
    expect(requires).toEqual({ 'A59001/1': [], 'A59002/1': [], 'A59003/1': [2], 'A59003/2': [1] });
    expect(groups.records.every((r) => String(r.get('paragraph')).startsWith('<p>Group'))).toBe(true);

    // Contractors and the states they serve.
    const stateById = new Map(table('state_lookup').map((s) => [s.state_id, s.state_abbrev]));
    const contractorRows = table('contractor');
    const servedBy = (id: string) =>
      table('contractor_jurisdiction')
        .filter((j) => j.contractor_id === id)
        .map((j) => stateById.get(j.state_id))
        .sort();
    const administered = await h.driver.executeQuery(
      'MATCH (p:LcdArticle)-[:ADMINISTERED_BY]->(c:Contractor) RETURN p.id AS article, c.name AS name, c.number AS number, COLLECT { MATCH (c)-[:SERVES]->(s:State) RETURN s.abbrev ORDER BY s.abbrev } AS states ORDER BY article',
    );
    expect(administered.records.map((r) => r.toObject())).toEqual(
      table('article_x_contractor')
        .map((x) => {
          const c = contractorRows.find((r) => r.contractor_id === x.contractor_id)!;
          return { article: display.get(x.article_id), name: c.contractor_bus_name, number: c.contractor_number, states: servedBy(c.contractor_id) };
        })
        .sort((a, b) => a.article!.localeCompare(b.article!)),
    );

    // The NCD queries leave LCD articles out: they apply only in their contractors' states.
    const result = await h.run<{ policies: Array<{ key: string }> }>('{ policies { key } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.policies.map((p) => p.key).filter((key) => key.startsWith('A5'))).toEqual([]);

    // Procedure.coverageArticles: the articles governing a code, by state and date.
    type Articles = {
      code: {
        coverageArticles: Array<{
          id: string;
          title: string;
          lcds: string[];
          procedureGroups: number[];
          contractors: Array<{ name: string; number: string; states: string[] }>;
          states: string[];
          groups: Array<{ kind: string; number: number; requiresGroups: number[]; diagnosesCount: number; diagnoses: Array<{ code: string }> }>;
        }>;
      };
    };
    const query = `query ($code: String!, $state: String, $asOf: Date) { code(code: $code) { ... on Procedure { coverageArticles(state: $state, asOf: $asOf) {
        id title lcds procedureGroups contractors { name number states } states
        groups { kind number requiresGroups diagnosesCount diagnoses(first: 1, offset: 1) { code } } } } } }`;
    const ny = await h.run<Articles>(query, { code: '93000', state: 'NY', asOf: '2026-03-01' });
    expect(ny.errors).toBeUndefined();
    const covered = table('article_x_icd10_covered').filter((r) => r.article_id === '59003');
    expect(ny.data!.code.coverageArticles).toEqual([
      {
        id: 'A59003',
        title: articleRows.find((a) => a.article_id === '59003')!.title,
        lcds: ['L39003'],
        procedureGroups: [1],
        contractors: [{ name: contractorRows.find((c) => c.contractor_id === '501')!.contractor_bus_name, number: '13202', states: servedBy('501') }],
        states: servedBy('501'),
        groups: [1, 2].map((n) => {
          const codes = covered.filter((r) => r.icd10_covered_group === String(n)).map((r) => r.icd10_code_id);
          return { kind: 'COVERED', number: n, requiresGroups: [3 - n], diagnosesCount: codes.length, diagnoses: [{ code: codes[1] }] };
        }),
      },
    ]);
    expect((await h.run<Articles>(query, { code: '93000', state: 'CA', asOf: '2026-03-01' })).data!.code.coverageArticles).toEqual([]);
    expect((await h.run<Articles>(query, { code: '93000', state: null, asOf: '2025-06-01' })).data!.code.coverageArticles).toEqual([]);
    const a59001 = (await h.run<Articles>(query, { code: '83036', state: null, asOf: '2026-03-01' })).data!.code.coverageArticles;
    expect(a59001.map((a) => [a.id, a.groups.map((g) => `${g.kind} ${g.number} ${g.diagnosesCount}`)])).toEqual([
      [
        'A59001',
        [
          `COVERED 1 ${lists.records.filter((r) => String(r.get('edge')).startsWith('A59001') && String(r.get('edge')).includes(' COVERED ')).length}`,
          'NONCOVERED 1 2',
        ],
      ],
    ]);
    const bad = await h.run(query, { code: '93000', state: 'New York' });
    expect(bad.errors?.[0]?.message).toBe('State "New York" is not valid: expected a two-letter abbreviation such as "NY" or "CA"');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const second = await runMcdImport(h.executor, articles!);
    expect(second.changes).toBe(0);
    expect(second.nodesAfter).toBe(second.nodesBefore);
    expect(second.relationshipsAfter).toBe(second.relationshipsBefore);
  });

  it('finds the same download as its inner zip or as the extracted CSV folder', async () => {
    const outer = await JSZip.loadAsync(readFileSync(path.join(SAMPLE, 'current_article.zip')));
    const dir = mkdtempSync(path.join(tmpdir(), 'mcd-forms-'));
    writeFileSync(path.join(dir, 'current_article_csv.zip'), await outer.file('current_article_csv.zip')!.async('nodebuffer'));
    cpSync(CSV_DIR, path.join(dir, 'current_article_csv'), { recursive: true });
    const found = await findCmsTables(dir);
    expect(found.articles?.name).toBe('current_article_csv.zip');
    expect([...found.articles!.tables.keys()].sort()).toEqual([
      'article',
      'article_related_documents',
      'article_x_contractor',
      'article_x_hcpc_code',
      'article_x_hcpc_code_group',
      'article_x_icd10_covered',
      'article_x_icd10_covered_group',
      'article_x_icd10_noncovered',
      'article_x_icd10_noncovered_group',
      'contractor',
      'contractor_jurisdiction',
      'contractor_type_lookup',
      'state_lookup',
    ]);
    expect(found.ignored).toEqual(['current_article_csv (the MCD article download current_article_csv.zip is read)']);
  });
});

describe('claims against LCD billing articles (issue 15)', () => {
  const CLAIM = `query ($claim: ClaimInput!) { validateClaim(claim: $claim) { outcome state lines { outcome findings { code message evidence { kind policyId code listedAs detail sourceFile } } } } }`;
  type Answer = {
    validateClaim: {
      outcome: string;
      state: string | null;
      lines: Array<{
        outcome: string;
        findings: Array<{
          code: string;
          message: string;
          evidence: Array<{ kind: string; policyId: string | null; code: string | null; listedAs: string | null; detail: string; sourceFile: string | null }>;
        }>;
      }>;
    };
  };
  const check = async (state: string | null, diagnoses: string[], procedure: string) => {
    const answer = await h.run<Answer>(CLAIM, {
      claim: { state, dateOfService: '2026-03-15', diagnoses, lines: [{ procedure, diagnosisPointers: diagnoses.map((_, i) => i + 1) }] },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.validateClaim;
  };
  const lcdCodes = (answer: Answer['validateClaim']) => answer.lines[0].findings.map((f) => f.code).filter((c) => c.startsWith('LCD_'));

  beforeAll(async () => {
    const { articles } = await findCmsTables(SAMPLE);
    await runMcdImport(h.executor, articles!);
  });

  it('finds LCD_NOT_COVERED for a vague diagnosis in a state the article binds, naming the article and the more specific codes it covers, most general first', async () => {
    // Article A59002's contractor serves California (state_lookup 5 in contractor_jurisdiction).
    const answer = await check('CA', ['J45.90'], '94640');
    expect(answer.state).toBe('CA');
    const lcd = answer.lines[0].findings.find((f) => f.code === 'LCD_NOT_COVERED')!;
    expect(lcd.message).toContain('A59002');
    expect(answer.lines[0].outcome).toBe('FAIL');
    const suggestion = lcd.evidence.find((e) => e.code !== null)!;
    expect(suggestion.policyId).toBe('A59002');
    expect(suggestion.sourceFile).toBe('current_article.zip');
    // The fixture's J45 codes for article 59002, shortest first, then in the file's order.
    const expected = table('article_x_icd10_covered')
      .filter((r) => r.article_id === '59002' && r.icd10_code_id.startsWith('J45'))
      .map((r) => r.icd10_code_id)
      .sort((a, b) => a.length - b.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(suggestion.listedAs!.split(' ')).toEqual(expected);
    expect(suggestion.detail).toContain(`J45.90 is not listed; ${expected.join(', ')} under J45 are.`);
  });

  it('gives no LCD finding where an NCD covers the line: an NCD binds nationally, as checkPairing says (E11.9 with 83036: NCD 190.21 lists it, article A59001 does not)', async () => {
    const answer = await check('NY', ['E11.9'], '83036');
    expect(lcdCodes(answer)).toEqual([]);
    expect(answer.lines[0].outcome).toBe('PASS');
  });

  it('finds nothing when a diagnosis is in a covered group, when the state is one the article does not bind, and when the claim names no state', async () => {
    expect(lcdCodes(await check('NY', ['E11.65'], '83036'))).toEqual([]);
    expect(lcdCodes(await check('CA', ['E11.9'], '83036'))).toEqual([]);
    const none = await check(null, ['E11.9'], '83036');
    expect(none.state).toBeNull();
    expect(lcdCodes(none)).toEqual([]);
  });

  it('finds LCD_GROUP_INCOMPLETE when a group that needs a second group gets only its own diagnosis, and nothing once both are there', async () => {
    const one = await check('NY', ['I48.91'], '93000');
    expect(lcdCodes(one)).toEqual(['LCD_GROUP_INCOMPLETE']);
    expect(one.lines[0].findings.find((f) => f.code === 'LCD_GROUP_INCOMPLETE')!.message).toContain('group 2');
    expect(lcdCodes(await check('NY', ['I48.91', 'Z79.84'], '93000'))).toEqual([]);
  });

  it('refuses a state that is not a two-letter abbreviation with BAD_USER_INPUT naming it', async () => {
    const answer = await h.run(CLAIM, { claim: { state: 'New York', diagnoses: ['E11.9'], lines: [{ procedure: '83036', diagnosisPointers: [1] }] } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('"New York"');
  });
});

describe('checkPairing against LCD billing articles (issue 15)', () => {
  const CHECK = `query ($dx: String!, $px: String!, $state: String) {
    checkPairing(diagnosis: $dx, procedure: $px, dateOfService: "2026-03-15", state: $state) {
      verdict reasons pairings { status matchedVia listedAs policy { key kind } }
    }
  }`;
  type Check = {
    checkPairing: {
      verdict: string;
      reasons: string[];
      pairings: Array<{ status: string; matchedVia: string; listedAs: string | null; policy: { key: string; kind: string } | null }>;
    };
  };
  const check = async (dx: string, px: string, state: string | null) => {
    const answer = await h.run<Check>(CHECK, { dx, px, state });
    expect(answer.errors).toBeUndefined();
    return answer.data!.checkPairing;
  };
  /** The fixture's covered groups of article 59003's ECG codes (93000), read with a plain comma split. */
  const coveredGroupOf = (article: string, code: string) =>
    table('article_x_icd10_covered').find((r) => r.article_id === article && r.icd10_code_id === code)?.icd10_covered_group;

  beforeAll(async () => {
    const { articles } = await findCmsTables(SAMPLE);
    await runMcdImport(h.executor, articles!);
  });

  it('supports a diagnosis a covered group of an article of the state lists, naming the article, the group and the group it must be reported with', async () => {
    const group = coveredGroupOf('59003', 'I48.91');
    expect(group).toBeDefined();
    const answer = await check('I48.91', '93000', 'ny');
    expect(answer.verdict).toBe('SUPPORTED');
    const pairing = answer.pairings.find((p) => p.policy?.key === 'A59003')!;
    expect(pairing).toMatchObject({ status: 'COVERED', policy: { key: 'A59003', kind: 'LCD_ARTICLE' } });
    expect(pairing.listedAs).toContain(`(group ${group})`);
    expect(answer.reasons[0]).toContain('LCD article A59003');
    expect(answer.reasons.join(' ')).toContain('must be reported with one from group');
  });

  it('does not support a diagnosis the article lists in no covered group, in its state only: elsewhere and with no state it stays unknown', async () => {
    expect(coveredGroupOf('59003', 'J02.9')).toBeUndefined();
    const ny = await check('J02.9', '93000', 'NY');
    expect(ny.verdict).toBe('NOT_SUPPORTED');
    expect(ny.pairings).toContainEqual({
      status: 'NOT_MEDICALLY_NECESSARY',
      matchedVia: 'DEFAULT_RULE',
      listedAs: 'not in a covered group',
      policy: { key: 'A59003', kind: 'LCD_ARTICLE' },
    });
    expect((await check('J02.9', '93000', 'CA')).verdict).toBe('NO_POLICY');
    expect((await check('J02.9', '93000', null)).verdict).toBe('NO_POLICY');
  });

  it('names the more specific codes an article covers when a vague diagnosis is not listed, and stays SUPPORTED where an NCD covers it', async () => {
    const answer = await check('E11.9', '83036', 'NY');
    expect(answer.verdict).toBe('SUPPORTED');
    expect(answer.reasons[0]).toContain('NCD 190.21');
    const expected = table('article_x_icd10_covered')
      .filter((r) => r.article_id === '59001' && r.icd10_code_id.startsWith('E11'))
      .map((r) => r.icd10_code_id)
      .sort((a, b) => a.length - b.length);
    expect(answer.reasons.join(' ')).toContain(`E11.9 is not listed; ${expected.join(', ')} under E11 are.`);
  });

  it('refuses a state that is not a two-letter abbreviation with BAD_USER_INPUT naming it', async () => {
    const answer = await h.run(CHECK, { dx: 'I48.91', px: '93000', state: 'New York' });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toBe('State "New York" is not valid: expected a two-letter abbreviation such as "NY" or "CA"');
  });
});

describe('justifiedBy and justifies from LCD billing articles in a state (issue 15)', () => {
  const BY = `query ($px: String!, $state: String, $policy: String, $status: [PairingStatus!]) {
    code(code: $px) { ... on Procedure { justifiedBy(state: $state, policy: $policy, status: $status, asOf: "2026-03-15", first: 100) {
      totalCount nodes { diagnosis { code } status matchedVia listedAs policy { key kind } } } } } }`;
  const OF = `query ($dx: String!, $state: String) {
    code(code: $dx, system: ICD10CM) { ... on Diagnosis { justifies(state: $state, asOf: "2026-03-15", first: 100) {
      totalCount nodes { procedure { code } status listedAs policy { key kind } } } } } }`;
  type Row = {
    diagnosis?: { code: string };
    procedure?: { code: string };
    status: string;
    matchedVia?: string;
    listedAs: string | null;
    policy: { key: string; kind: string } | null;
  };
  type Page = { totalCount: number; nodes: Row[] };
  const justifiedBy = async (px: string, vars: { state?: string | null; policy?: string | null; status?: string[] }) => {
    const answer = await h.run<{ code: { justifiedBy: Page } }>(BY, { px, state: null, policy: null, status: null, ...vars });
    expect(answer.errors).toBeUndefined();
    return answer.data!.code.justifiedBy;
  };
  const justifies = async (dx: string, state: string | null) => {
    const answer = await h.run<{ code: { justifies: Page } }>(OF, { dx, state });
    expect(answer.errors).toBeUndefined();
    return answer.data!.code.justifies;
  };
  /** An article's covered entries as "code (group n)", read with a plain comma split (the fixture's code rows for 59002 and 59003 name no range). */
  const coveredEntries = (article: string) =>
    table('article_x_icd10_covered')
      .filter((r) => r.article_id === article)
      .map((r) => `${r.icd10_code_id} (group ${r.icd10_covered_group})`);

  beforeAll(async () => {
    await removeArticles();
    const { articles } = await findCmsTables(SAMPLE);
    await runMcdImport(h.executor, articles!);
  });

  it('lists, in a state the article binds, the diagnoses of its covered groups with the article and the group, beside what was there without a state', async () => {
    const without = await justifiedBy('93000', {});
    expect(without.nodes.filter((n) => n.policy?.kind === 'LCD_ARTICLE')).toEqual([]);
    const ny = await justifiedBy('93000', { state: 'ny' });
    const fromArticle = ny.nodes.filter((n) => n.policy?.key === 'A59003');
    // Each entry is a code (no range), shown with its group: "I48.91 (group 1)".
    expect(fromArticle.map((n) => n.listedAs).sort()).toEqual(coveredEntries('59003').sort());
    expect(fromArticle.every((n) => n.listedAs!.startsWith(`${n.diagnosis!.code} (group `))).toBe(true);
    expect(fromArticle.every((n) => n.status === 'COVERED' && n.policy!.kind === 'LCD_ARTICLE')).toBe(true);
    expect(ny.totalCount).toBe(without.totalCount + fromArticle.length);
    // California's contractor serves no article on 93000.
    expect((await justifiedBy('93000', { state: 'CA' })).totalCount).toBe(without.totalCount);
  });

  it('agrees with checkPairing in the same state for every diagnosis it lists and for one it does not', async () => {
    const CHECK = `query ($dx: String!, $state: String) { checkPairing(diagnosis: $dx, procedure: "93000", dateOfService: "2026-03-15", state: $state) { verdict } }`;
    const ny = await justifiedBy('93000', { state: 'NY' });
    for (const node of ny.nodes) {
      const answer = await h.run<{ checkPairing: { verdict: string } }>(CHECK, { dx: node.diagnosis!.code, state: 'NY' });
      expect(answer.data!.checkPairing.verdict, node.diagnosis!.code).toBe('SUPPORTED');
    }
    const denied = await justifiedBy('93000', { state: 'NY', status: ['NOT_MEDICALLY_NECESSARY'] });
    const j029 = denied.nodes.find((n) => n.diagnosis!.code === 'J02.9');
    // The article's rule for what it does not list, as checkPairing gives it.
    expect(denied.totalCount).toBeGreaterThan(0);
    const all = await h.driver.executeQuery('MATCH (c:Code:ICD10CM:Published) WHERE c.sequence IS NOT NULL RETURN count(c) AS n');
    const listedCodes = new Set(
      table('article_x_icd10_covered')
        .filter((r) => r.article_id === '59003')
        .map((r) => r.icd10_code_id),
    );
    expect(denied.totalCount).toBe(Number(all.records[0].get('n')) - listedCodes.size);
    const page = j029 ?? (await justifiedBy('93000', { state: 'NY', status: ['NOT_MEDICALLY_NECESSARY'], policy: 'A59003' })).nodes[0];
    expect(page).toMatchObject({
      status: 'NOT_MEDICALLY_NECESSARY',
      matchedVia: 'DEFAULT_RULE',
      listedAs: 'not in a covered group',
      policy: { key: 'A59003' },
    });
    const check = await h.run<{ checkPairing: { verdict: string } }>(CHECK, { dx: page.diagnosis!.code, state: 'NY' });
    expect(check.data!.checkPairing.verdict).toBe('NOT_SUPPORTED');
  });

  it('reads an article the policy argument names without a state, and nothing of it with a state it does not bind', async () => {
    const named = await justifiedBy('94640', { policy: 'A59002' });
    expect(named.nodes.map((n) => n.listedAs).sort()).toEqual(coveredEntries('59002').sort());
    expect((await justifiedBy('94640', { policy: 'A59002', state: 'NY' })).totalCount).toBe(0);
  });

  it('lists the procedures a diagnosis justifies through an article of the state, and none without the state', async () => {
    const ny = await justifies('I48.91', 'NY');
    expect(ny.nodes.filter((n) => n.policy?.key === 'A59003').map((n) => [n.procedure!.code, n.status, n.listedAs])).toEqual([
      [
        '93000',
        'COVERED',
        `I48.91 (group ${table('article_x_icd10_covered').find((r) => r.article_id === '59003' && r.icd10_code_id === 'I48.91')!.icd10_covered_group})`,
      ],
    ]);
    expect((await justifies('I48.91', null)).nodes.filter((n) => n.policy?.kind === 'LCD_ARTICLE')).toEqual([]);
    expect((await justifies('I48.91', 'CA')).nodes.filter((n) => n.policy?.kind === 'LCD_ARTICLE')).toEqual([]);
  });

  it('carries the state into the CSV export path and refuses a state that is not two letters with BAD_USER_INPUT naming it', async () => {
    const csv = await h.run<{ code: { justifiedByCsv: string } }>('{ code(code: "93000") { ... on Procedure { justifiedByCsv(state: "ny") } } }');
    expect(new URL(csv.data!.code.justifiedByCsv, 'http://x').searchParams.get('state')).toBe('NY');
    const bad = await h.run('{ code(code: "93000") { ... on Procedure { justifiedBy(state: "New York") { totalCount } } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toBe('State "New York" is not valid: expected a two-letter abbreviation such as "NY" or "CA"');
  });
});

describe('an article a newer MCD download no longer holds (issue 15)', () => {
  /** A copy of the fixture's CSV folder without the rows of article 59002 (every table keyed by article_id). */
  function downloadWithout(article: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcd-drop-'));
    const out = path.join(dir, 'current_article_csv');
    cpSync(CSV_DIR, out, { recursive: true });
    for (const name of [
      'article',
      'article_x_hcpc_code',
      'article_x_hcpc_code_group',
      'article_x_icd10_covered',
      'article_x_icd10_covered_group',
      'article_x_contractor',
      'article_related_documents',
    ]) {
      const file = path.join(out, `${name}.csv`);
      const lines = readFileSync(file, 'latin1').split(/\r?\n/);
      writeFileSync(file, lines.filter((l, i) => i === 0 || !l.startsWith(`${article},`)).join('\r\n'), 'latin1');
    }
    return dir;
  }
  const status = async (id: string) =>
    (await h.driver.executeQuery('MATCH (p:Policy {id: $id}) RETURN p.status AS status, toString(p.retiredOn) AS retiredOn', { id })).records[0].toObject();
  const CHECK = `{ checkPairing(diagnosis: "J44.9", procedure: "94640", dateOfService: "2026-03-15", state: "CA") { verdict } }`;

  it('is retired (kept, read by no query) and comes back when a later download holds it again', async () => {
    await removeArticles();
    const { articles } = await findCmsTables(SAMPLE);
    await runMcdImport(h.executor, articles!);
    expect((await h.run<{ checkPairing: { verdict: string } }>(CHECK)).data!.checkPairing.verdict).toBe('SUPPORTED');
    const listingsBefore = await counts();

    const newer = await findCmsTables(downloadWithout('59002'));
    const summary = await runMcdImport(h.executor, newer.articles!);
    expect(summary.unresolved).toEqual({ 'LCD articles this download no longer holds (retired, kept for the record)': 1 });
    const fileDate = table('article')
      .map((a) => a.last_updated.slice(0, 10))
      .sort()
      .at(-1);
    expect(await status('A59002')).toEqual({ status: 'retired', retiredOn: fileDate });
    expect(await status('A59001')).toMatchObject({ status: 'complete', retiredOn: null });
    expect((await counts()).relationships).toBe(listingsBefore.relationships);
    expect((await h.run<{ checkPairing: { verdict: string } }>(CHECK)).data!.checkPairing.verdict).toBe('NO_POLICY');
    const articlesOf = await h.run<{ code: { coverageArticles: Array<{ id: string }> } }>(
      '{ code(code: "94640") { ... on Procedure { coverageArticles(state: "CA", asOf: "2026-03-15") { id } } } }',
    );
    expect(articlesOf.data!.code.coverageArticles).toEqual([]);

    await runMcdImport(h.executor, articles!);
    expect(await status('A59002')).toEqual({ status: 'complete', retiredOn: null });
    expect((await h.run<{ checkPairing: { verdict: string } }>(CHECK)).data!.checkPairing.verdict).toBe('SUPPORTED');
  });
});
