import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from '../config';

/** Where `npm run build` (vite, web/explorer/vite.config.mts) writes the explorer page. */
export const EXPLORER_DIST = path.join(PROJECT_ROOT, 'dist', 'explorer');

/**
 * The explorer page at /explore (static files built from web/explorer/). The page talks only to
 * /graphql and the CSV export; the URL's query (?system=CPT&code=80061) names the code shown.
 */
export function explorerRouter(dir: string = EXPLORER_DIST): Router {
  const router = express.Router();
  const index = path.join(dir, 'index.html');
  router.get('/', (_req, res) => {
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send(`The explorer is not built (no ${index}): run npm run build.\n`);
      return;
    }
    res.sendFile(index, { headers: { 'cache-control': 'no-cache' } });
  });
  router.use(express.static(dir, { index: false, redirect: false, maxAge: '1h' }));
  return router;
}
