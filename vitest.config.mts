import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// The official releases: ../shared/data beside the repository, or CODESET_DATA_DIR (the same rule as
// test/support/official-data.ts, whose describeOfficialData skips the suites that read them). Without
// them the run says so in one line and skips those suites; with CI set, missing data is an error.
const officialDir = process.env.CODESET_DATA_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'data');
const officialPresent = existsSync(officialDir) && statSync(officialDir).isDirectory();
const ci = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
const howTo = 'put the official release files there (see README, "Official data in tests") or set CODESET_DATA_DIR to their folder';
if (officialPresent) console.log(`official data: reading ${officialDir}`);
else if (ci) throw new Error(`official data: ${officialDir} is not a folder, and CI is set, so its suites may not be skipped: ${howTo}`);
else console.log(`official data: ${officialDir} is not a folder, so the official-data suites are SKIPPED; to run them, ${howTo}`);

export default defineConfig({
  // graphql ships CommonJS and ESM builds; type-graphql and Apollo load the CommonJS one, so the
  // tests must too, or the schema built in one "realm" is refused by the other.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    // official-data.test.ts reads the files as it loads: without them it is left out as a whole.
    exclude: officialPresent ? configDefaults.exclude : [...configDefaults.exclude, 'test/integration/official-data.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    // The first start resolves Neo4j from Maven Central; later starts take seconds.
    hookTimeout: 300_000,
    testTimeout: 60_000,
    pool: 'forks',
  },
});
