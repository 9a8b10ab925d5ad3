/**
 * npm run import -- --dir ../shared/data            every official file recognized in the folder
 * npm run import -- --icd10cm-order FILE [...]      files one by one
 * npm run import -- --gem-cm-i9-i10 FILE [...]      GEM files (ICD-9-CM to and from ICD-10-CM/PCS)
 * npm run import -- --sample [dir]                  the hand-written sample
 * Loads into the configured Neo4j (NEO4J_URI, or the embedded one, started if needed).
 */
import { Command } from 'commander';
import { describeError } from '../src/common/describe-error';
import { loadConfig } from '../src/config';
import { formatSummary, type ImportSummary } from '../src/import/import-runner';
import { runSampleImport } from '../src/import/seed';
import { findCmsTables, runCmsImport } from '../src/import/cms/cms-import';
import { runMcdImport } from '../src/import/cms/mcd-import';
import { runOfficialImport } from '../src/import/official/official-import';
import { findReleaseFiles, type ReleaseFiles } from '../src/import/official/release-files';
import { SAMPLE_DIR } from '../src/import/sample-source';
import { connect } from '../src/neo4j/connect';
import { applySchema } from '../src/neo4j/migrate';
import { createProgress } from './import-progress';

interface Options extends ReleaseFiles {
  sample?: string | boolean;
  dir?: string;
  cptVersion?: string;
}

const program = new Command()
  .name('npm run import --')
  .description('Load code-set data into the graph: official CMS/CDC release files, a licensed CPT descriptor file, or the bundled sample.')
  .option('--dir <folder>', 'every official file found in the folder and its subfolders, by its official name')
  .option('--icd10cm-order <file>', 'ICD-10-CM order file (icd10cm_order_2026.txt[.gz])')
  .option('--icd10cm-tabular <file>', 'ICD-10-CM tabular XML (icd10cm_tabular_2026.xml[.gz])')
  .option('--icd10cm-addenda <file>', 'ICD-10-CM codes addenda (icd10cm_codes_addenda_2026.txt)')
  .option('--icd10pcs-codes <file>', 'ICD-10-PCS codes file (icd10pcs_codes_2026.txt[.gz])')
  .option('--icd10pcs-tables <file>', 'ICD-10-PCS tables XML (icd10pcs_tables_2026.xml[.gz])')
  .option('--icd10pcs-addenda <file>', 'ICD-10-PCS codes addenda (codes_addenda_2026.txt)')
  .option('--hcpcs <file>', "HCPCS Level II alpha-numeric file: CMS's HCPC2025_OCT_ANWEB.xlsx, CMS's zip holding it, or a CSV copy (.csv[.gz])")
  .option('--cpt-descriptors <file>', 'licensed AMA CPT descriptor file: code TAB descriptor per line')
  .option('--cpt-version <year>', 'the CPT year of --cpt-descriptors, e.g. 2026')
  .option('--ncd-lab-procedures <file>', 'Medicare lab NCD list, CPT/HCPCS side (ncd_lab_cpt_hcpcs_2022q2.csv)')
  .option('--ncd-lab-diagnoses <file>', 'Medicare lab NCD list, ICD-10-CM side (ncd_lab_icd10cm_2022q2.csv[.gz])')
  .option('--ncd-lab-spreadsheet <file>', 'Medicare lab NCD list as CMS publishes it, both sides (2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx)')
  .option('--gem-cm-i10-i9 <file>', 'GEM ICD-10-CM to ICD-9-CM (2018_I10gem.txt, or 2018_gem_cm_I10I9.txt[.gz])')
  .option('--gem-cm-i9-i10 <file>', 'GEM ICD-9-CM to ICD-10-CM (2018_I9gem.txt, or 2018_gem_cm_I9I10.txt[.gz])')
  .option('--gem-pcs-i10-i9 <file>', 'GEM ICD-10-PCS to ICD-9-CM Volume 3 (gem_pcsi9.txt, or 2018_gem_pcs_I10I9.txt[.gz])')
  .option('--gem-pcs-i9-i10 <file>', 'GEM ICD-9-CM Volume 3 to ICD-10-PCS (gem_i9pcs.txt, or 2018_gem_pcs_I9I10.txt[.gz])')
  .option('--sample [dir]', 'the hand-written sample (data/sample, or the folder given)')
  .showHelpAfterError();

async function main(): Promise<void> {
  const options = program.parse().opts<Options>();
  const { sample, dir, cptVersion, ...explicit } = options;
  const files: ReleaseFiles = {};
  if (dir) {
    const found = findReleaseFiles(dir);
    Object.assign(files, found.files);
    for (const file of found.ignored)
      console.log(`ignored ${file} (another file of the same kind is read: a newer release, or the same release as a CSV copy)`);
  }
  Object.assign(files, Object.fromEntries(Object.entries(explicit).filter(([, v]) => typeof v === 'string')));
  const official = Object.keys(files).length > 0;
  const cms = dir ? await findCmsTables(dir) : { tables: [], ignored: [], articles: null };
  for (const line of cms.ignored) console.log(`ignored ${line}`);
  for (const table of cms.tables) console.log(`${`ncci ${table.file.kind}`.padEnd(16)} ${table.source.name}`);
  if (cms.articles) console.log(`${'mcd articles'.padEnd(16)} ${cms.articles.name} (${cms.articles.tables.size} tables)`);
  if (!official && !sample && cms.tables.length === 0 && !cms.articles)
    program.error('nothing to import: pass --dir <folder>, file options, or --sample [dir] (see --help)');
  for (const [kind, file] of Object.entries(files)) console.log(`${kind.padEnd(16)} ${file}`);

  const neo4j = await connect(loadConfig(), (line) => console.log(line));
  const progress = createProgress();
  try {
    await applySchema(neo4j.executor);
    const summaries: ImportSummary[] = [];
    if (sample) {
      const sampleDir = typeof sample === 'string' ? sample : SAMPLE_DIR;
      summaries.push(await runSampleImport(neo4j.executor, sampleDir, { onProgress: (step, done, total) => progress.update(step, done, total) }));
    }
    if (official) {
      summaries.push(
        await runOfficialImport(neo4j.executor, files, {
          cptVersion,
          onProgress: (step, done, total) => progress.update(step, done, total),
          onRead: (what, millis) => progress.log(`${what} in ${(millis / 1000).toFixed(1)} s`),
        }),
      );
    }
    if (cms.tables.length > 0) {
      summaries.push(
        await runCmsImport(neo4j.executor, cms.tables, {
          onProgress: (step, done, total) => progress.update(step, done, total),
          onRead: (what, millis) => progress.log(`${what} in ${(millis / 1000).toFixed(1)} s`),
        }),
      );
    }
    if (cms.articles) {
      summaries.push(
        await runMcdImport(neo4j.executor, cms.articles, {
          onProgress: (step, done, total) => progress.update(step, done, total),
          onRead: (what, millis) => progress.log(`${what} in ${(millis / 1000).toFixed(1)} s`),
        }),
      );
    }
    progress.stop();
    for (const summary of summaries) console.log(`\nImported into ${neo4j.target.uri}\n${formatSummary(summary)}`);
  } finally {
    progress.stop();
    await neo4j.close();
  }
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
