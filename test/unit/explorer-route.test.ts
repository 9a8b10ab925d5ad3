import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { explorerRouter } from '../../src/explorer/explorer.route';
import { writeTempFile } from '../support/temp-file';

async function serve(dir: string, run: (base: string) => Promise<void>): Promise<void> {
  const app = express();
  app.use('/explore', explorerRouter(dir));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  try {
    await run(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the /explore route', () => {
  it('serves the built page for /explore with a code in the query, and its assets', async () => {
    const dir = path.dirname(writeTempFile('index.html', '<!doctype html><title>explorer</title>'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'index.js'), 'console.log(1)');
    await serve(dir, async (base) => {
      for (const url of ['/explore', '/explore/', '/explore?system=CPT&code=80061']) {
        const response = await fetch(`${base}${url}`, { redirect: 'manual' });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('<title>explorer</title>');
      }
      const asset = await fetch(`${base}/explore/assets/index.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('javascript');
    });
  });

  it('answers 404 naming the build command when the page was not built', async () => {
    const dir = path.join(path.dirname(writeTempFile('placeholder', '')), 'explorer');
    await serve(dir, async (base) => {
      const response = await fetch(`${base}/explore`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('run npm run build');
    });
  });
});
