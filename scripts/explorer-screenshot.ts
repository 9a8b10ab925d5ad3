/**
 * Saves a screenshot of the explorer of a running service, for the README:
 *   npx tsx scripts/explorer-screenshot.ts http://localhost:4000/explore?system=CPT&code=80061 docs/explorer-80061.png
 * Drives the machine's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with playwright-core.
 */
import { chromium } from 'playwright-core';

async function main(): Promise<void> {
  const [url, out] = process.argv.slice(2);
  if (!url || !out) throw new Error('usage: tsx scripts/explorer-screenshot.ts URL OUT.png');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(url);
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForSelector('#graph[data-state="ready"]');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: out, type: 'png' });
    console.log(`saved ${out}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
