import path from 'node:path';
import { defineConfig } from 'vite';

// The explorer page: web/explorer -> dist/explorer, served by the service at /explore.
export default defineConfig({
  root: import.meta.dirname,
  base: '/explore/',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/explorer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
});
