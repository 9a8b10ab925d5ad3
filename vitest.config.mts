import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql ships CommonJS and ESM builds; type-graphql and Apollo load the CommonJS one, so the
  // tests must too, or the schema built in one "realm" is refused by the other.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    // The first start resolves Neo4j from Maven Central; later starts take seconds.
    hookTimeout: 300_000,
    testTimeout: 60_000,
    pool: 'forks',
  },
});
