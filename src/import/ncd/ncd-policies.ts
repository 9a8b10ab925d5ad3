import path from 'node:path';
import { FileFormatError } from '../official/file-format-error';
import {
  isNcdWorkbook,
  readNcdDiagnoses,
  readNcdProcedures,
  readNcdWorkbook,
  type ListingStatus,
  type NcdDiagnosisRow,
  type NcdProcedureRow,
} from './ncd-lab.parser';

/** One NCD of the lab code list: the procedure codes it governs and how it treats diagnosis codes. */
export interface PolicyRecord {
  /** `190.12`, `190.20A`. */
  id: string;
  /** As the diagnoses file writes it. */
  title: string;
  /** Status of the `@@@@@@@` wildcard (every code not otherwise listed); null without one. */
  defaultStatus: ListingStatus | null;
  defaultEffectiveFrom: string | null;
  defaultEffectiveTo: string | null;
  /** In file order. */
  procedures: NcdProcedureRow[];
  /** CODE and RANGE rows in file order, no DEFAULT rows, exact duplicates dropped. */
  entries: NcdDiagnosisRow[];
}

export interface NcdPolicies {
  /** In order of first appearance in the diagnoses file. */
  policies: PolicyRecord[];
  /** Exact duplicate rows dropped (diagnosis rows and procedure rows). */
  duplicateRows: number;
}

/** A policy being collected, with where it was first seen in each file. */
interface PolicyDraft {
  record: PolicyRecord;
  /** Title of the first row, as compared (whitespace collapsed), with where it came from. */
  titleKey: string;
  titleFile: string;
  titleLine: number;
  firstDiagnosisLine: number | null;
  firstProcedureLine: number | null;
  defaultLine: number | null;
  seen: Set<string>;
}

/**
 * Reads both files of the lab NCD code list (see ncd-lab.parser.ts), or CMS's spreadsheet given as
 * both (it holds both sides; read once), and groups their rows by
 * policy id, policies in order of first appearance in the diagnoses file, rows in file order.
 *
 * Contract (violations reject with a {@link FileFormatError} at the offending line):
 * - every policy has rows in both files; otherwise the error names the first line of the policy
 *   in the file that has it;
 * - all rows of a policy carry one title; titles compare with runs of whitespace collapsed (the two
 *   files may space them differently); the diagnoses file's title is kept;
 * - a policy has at most one wildcard status: a second `@@@@@@@` row with another status is an
 *   error; one with the same status widens the default's dates to span both (earliest eff, latest
 *   term, null meaning open);
 * - an exact duplicate row (diagnoses: same listedAs, dates and status; procedures: same code and
 *   dates) is dropped and counted in `duplicateRows`.
 */
export async function readNcdPolicies(files: { procedures: string; diagnoses: string }): Promise<NcdPolicies> {
  const drafts = new Map<string, PolicyDraft>();
  let duplicateRows = 0;

  const draftFor = (row: { policyId: string; policyTitle: string; line: number }, file: string): PolicyDraft => {
    const titleKey = collapse(row.policyTitle);
    let draft = drafts.get(row.policyId);
    if (!draft) {
      draft = {
        record: {
          id: row.policyId,
          title: row.policyTitle,
          defaultStatus: null,
          defaultEffectiveFrom: null,
          defaultEffectiveTo: null,
          procedures: [],
          entries: [],
        },
        titleKey,
        titleFile: file,
        titleLine: row.line,
        firstDiagnosisLine: null,
        firstProcedureLine: null,
        defaultLine: null,
        seen: new Set(),
      };
      drafts.set(row.policyId, draft);
    } else if (draft.titleKey !== titleKey) {
      const where = draft.titleFile === file ? `line ${draft.titleLine}` : `line ${draft.titleLine} of ${path.basename(draft.titleFile)}`;
      throw new FileFormatError(file, row.line, `expected ${row.policyId} titled "${draft.record.title}" as on ${where}, found "${row.policyTitle}"`);
    }
    return draft;
  };

  const onDiagnosis = (row: NcdDiagnosisRow): void => {
    const draft = draftFor(row, files.diagnoses);
    draft.firstDiagnosisLine ??= row.line;
    const key = `${row.listedAs}|${row.effectiveFrom ?? ''}|${row.effectiveTo ?? ''}|${row.status}`;
    if (draft.seen.has(key)) {
      duplicateRows++;
      return;
    }
    draft.seen.add(key);
    if (row.kind !== 'DEFAULT') {
      draft.record.entries.push(row);
      return;
    }
    const policy = draft.record;
    if (policy.defaultStatus === null) {
      [policy.defaultStatus, policy.defaultEffectiveFrom, policy.defaultEffectiveTo] = [row.status, row.effectiveFrom, row.effectiveTo];
      draft.defaultLine = row.line;
    } else if (policy.defaultStatus !== row.status) {
      throw new FileFormatError(
        files.diagnoses,
        row.line,
        `expected one status for the wildcard of ${policy.id} (${policy.defaultStatus} on line ${draft.defaultLine}), found ${row.status}`,
      );
    } else {
      policy.defaultEffectiveFrom = earliest(policy.defaultEffectiveFrom, row.effectiveFrom);
      policy.defaultEffectiveTo = latest(policy.defaultEffectiveTo, row.effectiveTo);
    }
  };

  const onProcedure = (row: NcdProcedureRow): void => {
    const draft = draftFor(row, files.procedures);
    draft.firstProcedureLine ??= row.line;
    const key = `procedure|${row.code}|${row.effectiveFrom ?? ''}|${row.effectiveTo ?? ''}`;
    if (draft.seen.has(key)) {
      duplicateRows++;
      return;
    }
    draft.seen.add(key);
    draft.record.procedures.push(row);
  };

  if (files.procedures === files.diagnoses && isNcdWorkbook(files.diagnoses)) {
    // CMS's spreadsheet holds both sides: read it once, the procedure side after the diagnoses as for two files.
    const procedures: NcdProcedureRow[] = [];
    await readNcdWorkbook(files.diagnoses, { diagnosis: onDiagnosis, procedure: (row) => procedures.push(row) });
    procedures.forEach(onProcedure);
  } else {
    await readNcdDiagnoses(files.diagnoses, onDiagnosis);
    await readNcdProcedures(files.procedures, onProcedure);
  }

  for (const { record, firstDiagnosisLine, firstProcedureLine } of drafts.values()) {
    if (firstProcedureLine === null) {
      throw new FileFormatError(
        files.diagnoses,
        firstDiagnosisLine ?? 0,
        `expected CPT/HCPCS rows for ${record.id} in ${path.basename(files.procedures)}, found none`,
      );
    }
    if (firstDiagnosisLine === null) {
      throw new FileFormatError(
        files.procedures,
        firstProcedureLine,
        `expected ICD-10-CM rows for ${record.id} in ${path.basename(files.diagnoses)}, found none`,
      );
    }
  }
  return { policies: [...drafts.values()].map((draft) => draft.record), duplicateRows };
}

/** Runs of whitespace as one space, ends trimmed. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The earlier of two eff dates, null (no start) winning. */
function earliest(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : a < b ? a : b;
}

/** The later of two term dates, null (open) winning. */
function latest(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : a > b ? a : b;
}
