import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../src/common/logger';
import { createSchema } from '../../src/schema';
import { startService, type RunningService } from '../../src/server';
import { launchChromium, screenshot } from '../support/browser';
import { ensureExplorerBuilt } from '../support/explorer-build';
import { createHarness, type Harness } from '../support/harness';
import { CODE, JUSTIFIED_BY_PAGE, JUSTIFIES_PAGE, PROCEDURE_PAIRINGS, SEARCH, VALIDATE_CLAIM } from '../../web/explorer/src/queries';

// The explorer page in headless Chromium, against the real service over HTTP on the sample graph.
// Expected values come from the same GraphQL API the page uses, asked directly.

interface GraphNode {
  id: string;
  kind: string;
  label: string;
  parent: string | null;
  code: string | null;
}

let h: Harness;
let service: RunningService;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ensureExplorerBuilt();
  h = await createHarness();
  const databaseReady = () =>
    h.driver.getServerInfo().then(
      () => true,
      () => false,
    );
  service = await startService(
    { schema: await createSchema(), executor: h.executor, logger: logger.child({}, { level: 'silent' }), databaseReady },
    '127.0.0.1',
    0,
  );
  base = service.url.replace('/graphql', '');
  browser = await launchChromium();
  // The page's own queries once, so Neo4j has planned them (about 10 s on a fresh store) before any test is timed.
  const procedure = { code: '80061', system: 'CPT' };
  await Promise.all([
    h.run(SEARCH, { text: '8006' }),
    h.run(CODE, procedure),
    h.run(PROCEDURE_PAIRINGS, { ...procedure, status: ['COVERED', 'CURATED'] }),
    h.run(JUSTIFIED_BY_PAGE, { ...procedure, policy: '190.23B', first: 12 }),
    h.run(JUSTIFIES_PAGE, { code: 'E78.5', system: 'ICD10CM', first: 24 }),
    h.run(VALIDATE_CLAIM, { claim: { diagnoses: ['E78.5'], lines: [{ procedure: '80061', diagnosisPointers: [1] }] } }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await h?.close();
});

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  // Generous waits: under the full suite on 2 cores (fuzzing and imports beside it), the page's first
  // queries on a fresh Neo4j have taken more than playwright's default 30 s.
  page.setDefaultTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}${path}`);
  await page.waitForSelector('body[data-state="ready"]');
  expect(errors).toEqual([]);
  return page;
}

async function graphReady(page: Page): Promise<void> {
  await page.waitForSelector('#graph[data-state="ready"]');
}

async function graphNodes(page: Page): Promise<GraphNode[]> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { explorerGraph: { cy: import('cytoscape').Core } }).explorerGraph.cy;
    return cy
      .nodes()
      .map((n) => ({ id: n.id(), kind: n.data('kind'), label: n.data('label'), parent: n.data('parent') ?? null, code: n.data('code') ?? null }));
  });
}

/** Clicks a node of the graph where Chromium draws it. */
async function clickNode(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((nodeId) => {
    const cy = (globalThis as unknown as { explorerGraph: { cy: import('cytoscape').Core } }).explorerGraph.cy;
    const node = cy.getElementById(nodeId);
    if (node.empty()) throw new Error(`no node ${nodeId}`);
    const p = node.renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

/**
 * Clicks a node until the page shows `selector` (at most 3 clicks, 15 s apart): on a loaded machine a
 * click can land while the page is still laying out, and then it selects nothing.
 */
async function clickUntil(page: Page, id: string, selector: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await clickNode(page, id);
    try {
      await page.waitForSelector(selector, { timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        const state = await page.$eval('#graph', (graph) =>
          Object.fromEntries(['state', 'nodes', 'expanded'].map((k) => [k, graph.getAttribute(`data-${k}`)])),
        );
        throw new Error(`3 clicks on ${id} did not show ${selector}; graph state ${JSON.stringify(state)}: ${String(error)}`, { cause: error });
      }
    }
  }
}

async function justifiedBy(code: string, policy: string | null) {
  const result = await h.run<{ code: { justifiedBy: { totalCount: number; nodes: Array<{ diagnosis: { code: string } }> } } }>(
    'query($code: String!, $policy: String) { code(code: $code, system: CPT) { ... on Procedure { justifiedBy(policy: $policy, first: 12) { totalCount nodes { diagnosis { code } } } } } }',
    { code, policy },
  );
  return result.data!.code.justifiedBy;
}

describe('the explorer page', { timeout: 300_000 }, () => {
  it('finds a code from the search box with the keyboard and shows it, its breadcrumb, its pairings and a shareable URL', async () => {
    const expected = await h.run<{ search: { nodes: Array<{ code: string; systemId: string }> } }>(
      '{ search(text: "8006", first: 10) { nodes { code systemId } } }',
    );
    const options = expected.data!.search.nodes;
    const index = options.findIndex((c) => c.code === '80061');
    expect(index).toBeGreaterThanOrEqual(0);
    const details = await h.run<{ code: { display: string; justifiedBy: { totalCount: number }; justifiedByCsv: string } }>(
      '{ code(code: "80061", system: CPT) { display ... on Procedure { justifiedBy(first: 1) { totalCount } justifiedByCsv } } }',
    );
    const { display, justifiedBy: all, justifiedByCsv } = details.data!.code;

    const page = await openPage('/explore');
    await page.getByRole('combobox').fill('8006');
    await page.waitForSelector(`#search-results li[data-code="80061"]`);
    expect(await page.locator('#search-results li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')))).toEqual(
      options.map((c) => c.code),
    );
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getAttribute('#search-input', 'aria-activedescendant')).toBe(`search-option-${index}`);
    await page.keyboard.press('Enter');

    await page.waitForSelector('[data-testid="code"]:text-is("80061")');
    await page.waitForSelector('.pairing-panel .csv-link');
    expect(new URL(page.url()).searchParams.get('code')).toBe('80061');
    expect(new URL(page.url()).searchParams.get('system')).toBe('CPT');
    expect(await page.textContent('[data-testid="display"]')).toBe(display);
    expect(await page.textContent('.breadcrumb')).toContain('Pathology and Laboratory');
    expect(await page.textContent('.pairing-panel')).toContain(`${all.totalCount.toLocaleString('en-US')} covered or curated pairing(s)`);
    // Over HTTP the link is absolute (issue 18), under the host the page was served from.
    const href = await page.getAttribute('.pairing-panel .csv-link', 'href');
    expect(href).toBe(`${base}${justifiedByCsv}`);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\n')[0]).toContain('diagnosis,diagnosis_title');
    await graphReady(page);
    await screenshot(page, 'explorer-search-80061');
    await page.close();
  });

  it('draws the neighbourhood of a shared URL: justifying diagnoses grouped by policy, capped with "N more"', async () => {
    const policies = await h.run<{ code: { policies: Array<{ key: string }> } }>(
      '{ code(code: "85025", system: CPT) { ... on Procedure { policies { key } } } }',
    );
    const [policy] = policies.data!.code.policies;
    expect(policy).toBeDefined();
    const page1 = await justifiedBy('85025', policy.key);
    expect(page1.totalCount).toBeGreaterThan(12);

    const page = await openPage('/explore?system=CPT&code=85025');
    await graphReady(page);
    const nodes = await graphNodes(page);
    const group = nodes.find((n) => n.kind === 'policy' && n.label.startsWith(`NCD ${policy.key}`));
    expect(group?.label).toContain(`(${page1.totalCount.toLocaleString('en-US')})`);
    const members = nodes.filter((n) => n.parent === group!.id);
    expect(members.filter((n) => n.kind === 'code').map((n) => n.code)).toEqual(page1.nodes.map((p) => p.diagnosis.code));
    const more = members.find((n) => n.kind === 'more');
    expect(more?.label).toBe(`${(page1.totalCount - 12).toLocaleString('en-US')} more`);
    expect(nodes.find((n) => n.id === 'organization:AMA')).toBeDefined();

    await clickNode(page, more!.id);
    await page.waitForFunction(
      ([id, label]) => {
        const cy = (globalThis as unknown as { explorerGraph: { cy: import('cytoscape').Core } }).explorerGraph.cy;
        const node = cy.getElementById(id);
        return node.empty() || node.data('label') !== label;
      },
      [more!.id, more!.label],
    );
    await graphReady(page);
    const after = await graphNodes(page);
    expect(after.filter((n) => n.parent === group!.id && n.kind === 'code')).toHaveLength(Math.min(24, page1.totalCount));
    await screenshot(page, 'explorer-graph-85025-more');
    await page.close();
  });

  it("expands a node of the graph when it is clicked, adding that code's own neighbourhood", async () => {
    const first = await justifiedBy('80061', null);
    const diagnosis = first.nodes[0].diagnosis.code;
    const parent = await h.run<{ code: { parent: { code: string } | null } }>('query($c: String!) { code(code: $c, system: ICD10CM) { parent { code } } }', {
      c: diagnosis,
    });

    const page = await openPage('/explore?system=CPT&code=80061');
    await graphReady(page);
    const before = await graphNodes(page);
    const id = `code:ICD10CM:${diagnosis}`;
    expect(before.some((n) => n.id === id)).toBe(true);
    // The panels beside the graph load after it; once the page is idle nothing moves under the click.
    await page.waitForLoadState('networkidle');
    await clickUntil(page, id, `#graph[data-expanded~="${id}"]`);
    await page.waitForSelector(`#graph[data-expanded~="${id}"][data-state="ready"]`);
    const after = await graphNodes(page);
    expect(after.length).toBeGreaterThan(before.length);
    if (parent.data!.code.parent) expect(after.some((n) => n.id === `code:ICD10CM:${parent.data!.code.parent!.code}`)).toBe(true);
    expect(await page.textContent('#graph-selection')).toContain(diagnosis);
    await screenshot(page, 'explorer-graph-80061-expanded');
    await page.close();
  });

  it('checks a claim from the form and shows the findings of each line', async () => {
    const claim = {
      dateOfService: '2026-03-02',
      diagnoses: ['E78.5', 'J02.9'],
      lines: [
        { procedure: '80061', diagnosisPointers: [1] },
        { procedure: '83036', diagnosisPointers: [2] },
      ],
    };
    const expected = await h.run<{ validateClaim: { outcome: string; lines: Array<{ line: number; outcome: string; findings: Array<{ code: string }> }> } }>(
      'query($claim: ClaimInput!) { validateClaim(claim: $claim) { outcome lines { line outcome findings { code } } } }',
      { claim },
    );
    const validation = expected.data!.validateClaim;

    const page = await openPage('/explore');
    await page.fill('#claim-date', claim.dateOfService);
    await page.fill('#claim-diagnoses', claim.diagnoses.join(', '));
    await page.fill('#claim-procedure-1', '80061');
    await page.fill('#claim-pointers-1', '1');
    await page.click('#claim-add-line');
    await page.fill('#claim-procedure-2', '83036');
    await page.fill('#claim-pointers-2', '2');
    await page.click('#claim-check');
    await page.waitForSelector('#claim-result[data-state="done"]');

    expect(await page.textContent('[data-testid="claim-outcome"]')).toContain(validation.outcome);
    for (const line of validation.lines) {
      const row = page.locator(`.claim-lines-result tr[data-line="${line.line}"]`);
      expect(await row.locator('td').nth(3).textContent()).toBe(line.outcome);
      expect(await row.locator('[data-finding]').evaluateAll((items) => items.map((li) => li.getAttribute('data-finding')))).toEqual(
        line.findings.map((f) => f.code),
      );
    }
    await screenshot(page, 'explorer-claim-check');
    await page.close();
  });
});
