/**
 * npm run import -- --sample [dir]
 * Loads a bundle into the configured Neo4j (NEO4J_URI, or the embedded one, started if needed).
 * Official release files (ICD-10-CM, ICD-10-PCS, HCPCS) go through the same writer.
 */
import { Command } from 'commander';
import { describeError } from '../src/common/describe-error';
import { loadConfig } from '../src/config';
import { formatSummary, runImport } from '../src/import/import-runner';
import { readSample, SAMPLE_DIR } from '../src/import/sample-source';
import { connect } from '../src/neo4j/connect';
import { applySchema } from '../src/neo4j/migrate';

const program = new Command()
  .name('npm run import --')
  .description('Load code-set data into the graph')
  .option('--sample [dir]', 'load the hand-written sample (data/sample, or the folder given)')
  .showHelpAfterError();

async function main(): Promise<void> {
  const options = program.parse().opts<{ sample?: string | boolean }>();
  if (!options.sample) program.error('nothing to import: pass --sample [dir]');
  const dir = typeof options.sample === 'string' ? options.sample : SAMPLE_DIR;
  const bundle = readSample(dir);
  const neo4j = await connect(loadConfig(), (line) => console.log(line));
  try {
    await applySchema(neo4j.executor);
    const summary = await runImport(neo4j.executor, bundle);
    console.log(`Imported ${dir} into ${neo4j.target.uri}\n${formatSummary(summary)}`);
  } finally {
    await neo4j.close();
  }
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
