import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { EXPLORER_DIST } from '../../src/explorer/explorer.route';

const SOURCES = path.join(PROJECT_ROOT, 'web', 'explorer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the explorer page (as `npm run build:explorer` does) when dist/explorer is missing or older than web/explorer. */
export function ensureExplorerBuilt(): { built: boolean; millis: number } {
  const started = Date.now();
  let builtAt: number;
  try {
    builtAt = statSync(path.join(EXPLORER_DIST, 'index.html')).mtimeMs;
  } catch {
    builtAt = 0;
  }
  if (builtAt > newestMtime(SOURCES)) return { built: false, millis: 0 };
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(SOURCES, 'vite.config.mts')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build of the explorer failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { built: true, millis: Date.now() - started };
}
