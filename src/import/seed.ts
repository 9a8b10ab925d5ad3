import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CypherExecutor } from '../neo4j/executor';
import { editSetId, findCmsTables, runCmsImport } from './cms/cms-import';
import { runMcdImport } from './cms/mcd-import';
import { mergeSummaries, runImport, type ImportSummary } from './import-runner';
import type { ProgressListener } from './import.repository';
import { importPolicyFiles } from './ncd/policy-import';
import { findReleaseFiles } from './official/release-files';
import { releaseId } from '../common/graph-ids';
import { ImportRepository } from './import.repository';
import { readSample, SAMPLE_DIR } from './sample-source';
import { gemFilesOf } from './gems/gem-files';
import { runGemImport } from './gems/gem-import';
import { GemRepository } from './gems/gem.repository';

/**
 * Loads the bundled sample when the graph holds no release yet, or when an earlier load of it was
 * interrupted (one of its releases exists but is not complete): the import is idempotent, so running
 * it again finishes the job. Returns null when it did nothing.
 */
export async function loadSampleIfNeeded(executor: CypherExecutor): Promise<ImportSummary | null> {
  const repository = new ImportRepository(executor);
  const sample = readSample();
  const ids = sample.codeFiles.map((f) => releaseId(f.release.system, f.release.version));
  const statuses = await repository.releaseStatuses(ids);
  const interrupted = [...statuses.values()].some((status) => status !== 'complete');
  if (!interrupted && !(await repository.hasNoRelease())) return null;
  return runSampleImport(executor);
}

/**
 * The sample's code sets, then its NCD lab excerpt (ncd-lab/ beside the JSON files, in the official
 * CSV layout) through the same policy importer as the official list, then its NCCI PTP and MUE
 * excerpts (cms/, in CMS's layouts) through the CMS edit importer and its MCD current-article
 * fixture (cms/current_article.zip) through the LCD article importer, then its GEM excerpt (gems/,
 * in CMS's layout) through the GEM importer. Each step is idempotent.
 */
export async function runSampleImport(
  executor: CypherExecutor,
  dir: string = SAMPLE_DIR,
  options: { onProgress?: ProgressListener } = {},
): Promise<ImportSummary> {
  const codes = await runImport(executor, readSample(dir), options);
  const summaries = [codes, ...(await samplePolicies(executor, dir, codes, options))];
  summaries.push(...(await sampleEdits(executor, dir, options)));
  summaries.push(...(await sampleGems(executor, dir, codes, options)));
  return summaries.length === 1 ? codes : mergeSummaries(summaries);
}

async function samplePolicies(
  executor: CypherExecutor,
  dir: string,
  codes: ImportSummary,
  options: { onProgress?: ProgressListener },
): Promise<ImportSummary[]> {
  const ncd = findReleaseFiles(dir).files;
  if (!ncd.ncdLabProcedures || !ncd.ncdLabDiagnoses) return [];
  // The excerpt names real NCDs: over a full list it would cut those policies down to its rows.
  if ((await new ImportRepository(executor).policyOrigins()).some((origin) => origin !== 'sample')) {
    return [{ ...noChange(codes), unresolved: { 'sample NCD excerpt not loaded: the graph holds the official list': 1 } }];
  }
  return [await importPolicyFiles(executor, { procedures: ncd.ncdLabProcedures, diagnoses: ncd.ncdLabDiagnoses }, { ...options, origin: 'sample' })];
}

/**
 * The sample's NCCI tables (cms/ beside the JSON files). Their edits are invented for the tests: they
 * are not loaded into a graph that holds edit sets of other files or the official NCD list (a graph
 * of official data).
 */
async function sampleEdits(executor: CypherExecutor, dir: string, options: { onProgress?: ProgressListener }): Promise<ImportSummary[]> {
  const cmsDir = path.join(dir, 'cms');
  if (!existsSync(cmsDir)) return [];
  const { tables, articles } = await findCmsTables(cmsDir);
  if (tables.length === 0 && articles === null) return [];
  const own = new Set(tables.map((t) => editSetId(t.file)));
  const held = (await executor.read('import/edit-set-ids')).map((r) => r.id);
  const official = (await new ImportRepository(executor).policyOrigins()).some((origin) => origin !== 'sample');
  if (official || held.some((id) => !own.has(id))) {
    const [row] = await executor.read('import/graph-counts');
    const counts = { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0) };
    return [
      {
        nodesBefore: counts.nodes,
        nodesAfter: counts.nodes,
        relationshipsBefore: counts.relationships,
        relationshipsAfter: counts.relationships,
        steps: [],
        changes: 0,
        codesBySystem: {},
        unresolved: {
          'sample NCCI edits and LCD articles not loaded: the graph holds official data (edit sets of other files, or official NCD or LCD policies)': 1,
        },
        millis: 0,
      },
    ];
  }
  const summaries = tables.length > 0 ? [await runCmsImport(executor, tables, { onProgress: options.onProgress })] : [];
  // The articles are invented for the tests too (origin 'sample': an official download retires them).
  if (articles) summaries.push(await runMcdImport(executor, articles, { onProgress: options.onProgress, origin: 'sample' }));
  return summaries;
}

/**
 * The sample's GEM excerpt (gems/ beside the JSON files: whole source-code groups copied from the
 * FY2018 files). Not loaded over a graph that holds official GEM files: it would only repeat them.
 */
async function sampleGems(executor: CypherExecutor, dir: string, codes: ImportSummary, options: { onProgress?: ProgressListener }): Promise<ImportSummary[]> {
  const gemsDir = path.join(dir, 'gems');
  if (!existsSync(gemsDir)) return [];
  const gems = gemFilesOf(findReleaseFiles(gemsDir).files);
  if (gems.length === 0) return [];
  if ((await new GemRepository(executor).crosswalkOrigins()).some((origin) => origin !== 'sample')) {
    return [{ ...noChange(codes), unresolved: { 'sample GEM excerpt not loaded: the graph holds the official GEM files': 1 } }];
  }
  return [await runGemImport(executor, gems, { origin: 'sample', onProgress: options.onProgress })];
}

/** A summary of a step that wrote nothing, at the counts where `after` left the graph. */
function noChange(after: ImportSummary): ImportSummary {
  return {
    nodesBefore: after.nodesAfter,
    nodesAfter: after.nodesAfter,
    relationshipsBefore: after.relationshipsAfter,
    relationshipsAfter: after.relationshipsAfter,
    steps: [],
    changes: 0,
    codesBySystem: {},
    unresolved: {},
    millis: 0,
  };
}
