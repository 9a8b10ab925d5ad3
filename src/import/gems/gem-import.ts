import path from 'node:path';
import { codeKeyString } from '../../domain/code-key';
import { CodeRole } from '../../domain/code-system';
import { CodeSystemId } from '../../domain/code-system-id';
import { crosswalkId, gemOnlySystem, type GemDirection } from '../../domain/crosswalk';
import type { CypherExecutor } from '../../neo4j/executor';
import type { CodeRow } from '../import-rows';
import { mergeSummaries, runImport, summarize, type ImportSummary } from '../import-runner';
import type { ProgressListener } from '../step-stats';
import { retiredRow } from '../ncd/policy-plan';
import { emptyBundle, readReferenceData } from '../official/reference-data';
import { countUnresolved, type Unresolved } from '../official/addenda-record';
import type { GemFile } from './gem-files';
import { parseGem, type GemEntry } from './gem.parser';
import { GemRepository, type GemMappingWrite } from './gem.repository';

export interface GemImportOptions {
  /** 'official' for CMS's files, 'sample' for the bundled excerpt (which is not loaded over official ones). */
  origin?: 'official' | 'sample';
  onProgress?: ProgressListener;
  /** Told when a file has been read and checked. */
  onRead?: (what: string, millis: number) => void;
  /** The organizations and code systems are already written by this import (runOfficialImport's code systems): not written again. */
  referenceWritten?: boolean;
}

/** A GEM file read and checked: all of its entries. */
export interface CheckedGem {
  gem: GemFile;
  entries: GemEntry[];
}

const PRESENCE_CHUNK = 20_000;

/** Reads and checks every GEM file (a malformed line stops the import before anything is written). */
export async function readGems(files: readonly GemFile[], onRead?: GemImportOptions['onRead']): Promise<CheckedGem[]> {
  const checked: CheckedGem[] = [];
  for (const gem of files) {
    const began = performance.now();
    const entries: GemEntry[] = [];
    for await (const entry of parseGem(gem.file, gem.direction)) entries.push(entry);
    checked.push({ gem, entries });
    onRead?.(`${path.basename(gem.file)} checked`, performance.now() - began);
  }
  return checked;
}

const roleOf = (system: CodeSystemId) => (system === CodeSystemId.ICD9CM || system === CodeSystemId.ICD10CM ? CodeRole.DIAGNOSIS : CodeRole.PROCEDURE);
const roleLabel = (role: CodeRole) => (role === CodeRole.DIAGNOSIS ? 'Diagnosis' : 'Procedure');

/** The distinct codes of one side of a GEM file's entries. */
function codesOfSide(direction: GemDirection, entries: readonly GemEntry[], system: CodeSystemId): string[] {
  const codes = new Set<string>();
  for (const e of entries) {
    if (direction.from === system) codes.add(e.source);
    else if (e.target !== null) codes.add(e.target);
  }
  return [...codes];
}

/**
 * The codes a GEM file names that the graph must hold before its edges: every ICD-9-CM code (no
 * title: the GEMs publish none), and, as retired references, the ICD-10 codes no loaded release has
 * (the GEMs are FY2018; codes deleted since stay reachable from the mappings).
 */
async function writeCodes(
  repository: GemRepository,
  step: string,
  direction: GemDirection,
  entries: readonly GemEntry[],
  unresolved: Unresolved,
  known: Set<string>,
) {
  const icd9 = gemOnlySystem(direction);
  const icd10 = icd9 === direction.from ? direction.to : direction.from;
  const role = roleOf(icd9);
  const icd9Rows = codesOfSide(direction, entries, icd9).map((code) => ({
    system: icd9,
    code,
    labels: [roleLabel(role), icd9],
    props: { billable: true, kind: 'CODE', role, untitled: true },
  }));
  await repository.referenceCodes(step, icd9Rows);
  // `known`: ICD-10 codes an earlier file of this import found (or wrote): the graph holds them, no need to ask again.
  const icd10Codes = codesOfSide(direction, entries, icd10).filter((code) => !known.has(codeKeyString({ system: icd10, code })));
  const absent: CodeRow[] = [];
  for (let start = 0; start < icd10Codes.length; start += PRESENCE_CHUNK) {
    const keys = icd10Codes.slice(start, start + PRESENCE_CHUNK).map((code) => ({ system: icd10, code }));
    const present = await repository.codesPresent(keys);
    for (const { code } of keys) {
      known.add(codeKeyString({ system: icd10, code }));
      if (present.get(codeKeyString({ system: icd10, code }))?.present) continue;
      absent.push(retiredRow(icd10, code, roleOf(icd10), `${icd10} ${code}: not in the loaded ${icd10} release; named by the GEMs`));
    }
  }
  countUnresolved(unresolved, `GEM ${icd10} codes no loaded release holds (kept as retired references)`, absent.length);
  await repository.referenceCodes(step, absent);
  return icd9Rows.length;
}

function mappingRow(id: string, direction: GemDirection, e: GemEntry): GemMappingWrite {
  return {
    fromSystem: direction.from,
    source: e.source,
    toSystem: direction.to,
    target: e.target,
    key: `${id}|${e.scenario}|${e.choiceList}`,
    props: {
      crosswalk: id,
      approximate: e.approximate,
      noMap: e.noMap,
      combination: e.combination,
      scenario: e.scenario,
      choiceList: e.choiceList,
      flags: e.flags,
    },
  };
}

/** Writes one checked GEM file: its crosswalk, its codes, its entries, then marks it complete. Returns the ICD-9-CM codes it names. */
async function writeGem(
  repository: GemRepository,
  { gem, entries }: CheckedGem,
  origin: 'official' | 'sample',
  unresolved: Unresolved,
  known: Set<string>,
): Promise<number> {
  const { direction, version } = gem;
  const id = crosswalkId(direction, version);
  const step = `GEM ${direction.from} > ${direction.to} ${version}`;
  const changesBefore = repository.totalChanges();
  const fresh = await repository.beginCrosswalk(step, id, {
    from: direction.from,
    to: direction.to,
    version,
    sourceFile: path.basename(gem.file),
    origin,
    publisher: 'CMS',
  });
  const icd9Codes = await writeCodes(repository, `${step} codes`, direction, entries, unresolved, known);
  const unflagged = entries.filter((e) => e.target === null && !e.noMap).length;
  countUnresolved(unresolved, `GEM ${direction.from}>${direction.to} entries naming no target with the no-map flag 0 (kept as written)`, unflagged);
  await repository.mappings(
    step,
    entries.map((e) => mappingRow(id, direction, e)),
    entries.length,
    fresh,
  );
  const gemOnly = gemOnlySystem(direction);
  await repository.completeCrosswalk(step, id, gemOnly, repository.totalChanges() > changesBefore);
  return icd9Codes;
}

/**
 * Imports GEM files already read and checked (readGems): first the organizations and code systems
 * (so ICD9CM and ICD9CM_PROC have their CodeSystem nodes), then per file its ICD-9-CM codes, retired
 * references for ICD-10 codes no loaded release holds, and one MAPS_TO edge per entry in batches.
 * Each crosswalk stays 'loading', its edges invisible, until all of its batches are committed; an
 * identical second import changes nothing.
 */
export async function importGems(executor: CypherExecutor, checked: readonly CheckedGem[], options: GemImportOptions = {}): Promise<ImportSummary> {
  const reference = options.referenceWritten ? null : await runImport(executor, emptyBundle(readReferenceData()), { onProgress: options.onProgress });
  const began = Date.now();
  const repository = new GemRepository(executor, options.onProgress);
  const before = await repository.graphCounts();
  const unresolved: Unresolved = {};
  const codesBySystem: Record<string, number> = {};
  const known = new Set<string>();
  for (const one of checked) {
    const icd9 = gemOnlySystem(one.gem.direction);
    const count = await writeGem(repository, one, options.origin ?? 'official', unresolved, known);
    codesBySystem[`${icd9} (GEM)`] = Math.max(codesBySystem[`${icd9} (GEM)`] ?? 0, count);
  }
  const gems = await summarize(repository, before, began, codesBySystem, unresolved);
  return reference ? mergeSummaries([reference, gems]) : gems;
}

/** Reads, checks and imports GEM files. */
export async function runGemImport(executor: CypherExecutor, files: readonly GemFile[], options: GemImportOptions = {}): Promise<ImportSummary> {
  return importGems(executor, await readGems(files, options.onRead), options);
}
