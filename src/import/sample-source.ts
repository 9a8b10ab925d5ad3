import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CodeSystemId } from '../domain/code-system-id';
import { PROJECT_ROOT } from '../config';
import { CodeRole, SystemScope } from '../domain/code-system';
import { CategoryKind } from '../domain/code';
import type { CodeProperties, ImportBundle } from './records';

/** The hand-written sample shipped in data/sample/: plain JSON, validated before anything is written. */
export const SAMPLE_DIR = path.join(PROJECT_ROOT, 'data', 'sample');

const systemId = z.enum(CodeSystemId);
const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD');
const codeRef = z.object({ system: systemId, code: text });

const schemas = {
  'organizations.json': z.array(
    z.object({ id: text, name: text, abbreviation: text, kind: text, country: text, url: z.url().nullable(), description: text }).strict(),
  ),
  'code-systems.json': z.array(
    z
      .object({
        id: systemId,
        name: text,
        shortName: text,
        role: z.enum(CodeRole),
        purpose: text,
        questionAnswered: text,
        format: text,
        exampleCode: text,
        updateCadence: text,
        scope: z.enum(SystemScope),
        primaryUse: text,
        setting: text,
        maintainedBy: z.array(text).min(1),
        adapts: systemId.nullable(),
      })
      .strict(),
  ),
  'categories.json': z.array(
    z
      .object({
        system: systemId,
        kind: z.enum(CategoryKind),
        code: text,
        title: text,
        parent: text.nullable(),
        rangeStart: text.nullable(),
        rangeEnd: text.nullable(),
      })
      .strict(),
  ),
  codes: z
    .object({
      system: systemId,
      release: z.object({ version: text, effectiveFrom: isoDate, effectiveTo: isoDate.nullable(), source: text }).strict(),
      codes: z
        .array(
          z
            .object({
              code: text,
              // ICD-10-CM: the order-file number (tabular order), which policy ranges follow.
              sequence: z.number().int().positive().optional(),
              display: text,
              shortDisplay: text.nullable(),
              billable: z.boolean(),
              // Search texts, as the official files write them (issue 17): the tabular list's Includes
              // note and inclusionTerm block, the PCS definitions' body-part terms.
              includes: z.array(text).min(1).optional(),
              inclusionTerms: z.array(text).min(1).optional(),
              pcsBodyPartTerms: z.array(text).min(1).optional(),
            })
            .strict(),
        )
        .min(1),
      // HCPCS Level II modifiers the sample claims use (issue 15: claim lines name them), in the project's own words.
      modifiers: z
        .array(z.object({ code: z.string().regex(/^[0-9A-Z]{2}$/, 'expected 2 letters or digits'), display: text, shortDisplay: text }).strict())
        .optional(),
    })
    .strict()
    .refine((file) => file.modifiers === undefined || file.system === CodeSystemId.HCPCS, { error: 'only the HCPCS file lists modifiers' })
    .refine((file) => file.system !== CodeSystemId.ICD10CM || file.codes.every((c) => c.sequence !== undefined), {
      error: 'every ICD-10-CM code needs its sequence: its number in the CMS order file (tabular order)',
    }),
  'notes.json': z.array(
    z
      .object({
        system: systemId,
        from: text,
        fromCategory: z.boolean().optional(),
        kind: z.enum(['EXCLUDES1', 'EXCLUDES2', 'CODE_FIRST', 'USE_ADDITIONAL', 'CODE_ALSO']),
        text,
        targets: z.array(text),
        targetCategories: z.array(text).optional(),
      })
      .strict(),
  ),
  'pairings.json': z.array(
    z.object({ diagnosis: codeRef, procedure: codeRef, source: text, author: text, createdAt: z.iso.datetime(), rationale: text }).strict(),
  ),
};

export class SampleDataError extends Error {
  override name = 'SampleDataError';
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const full = path.join(dir, file);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (error) {
    throw new SampleDataError(`${full}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SampleDataError(`${full} is not valid sample data:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads and validates every file of the sample folder. Throws SampleDataError naming file and entry. */
export function readSample(dir: string = SAMPLE_DIR): ImportBundle {
  const codeFiles = fs
    .readdirSync(dir)
    .filter((name) => /^codes-.+\.json$/.test(name))
    .sort()
    .map((name) => {
      const file = readJson(dir, name, schemas.codes);
      // The sample knows its system's search texts, so it always sends them (null when a code has none).
      const searchTexts = (c: { includes?: string[]; inclusionTerms?: string[]; pcsBodyPartTerms?: string[] }): CodeProperties =>
        file.system === CodeSystemId.ICD10CM
          ? { includes: c.includes ?? null, inclusionTerms: c.inclusionTerms ?? null }
          : file.system === CodeSystemId.ICD10PCS
            ? { pcsBodyPartTerms: c.pcsBodyPartTerms ?? null }
            : {};
      const codes = file.codes.map(({ sequence, includes, inclusionTerms, pcsBodyPartTerms, ...code }) => {
        const properties: CodeProperties = { ...(sequence === undefined ? {} : { sequence }), ...searchTexts({ includes, inclusionTerms, pcsBodyPartTerms }) };
        return Object.keys(properties).length === 0 ? code : { ...code, properties };
      });
      const modifiers = file.modifiers?.map((m) => ({ ...m, properties: {} }));
      return { release: { system: file.system, ...file.release }, codes, ...(modifiers ? { modifiers } : {}) };
    });
  return {
    organizations: readJson(dir, 'organizations.json', schemas['organizations.json']),
    systems: readJson(dir, 'code-systems.json', schemas['code-systems.json']),
    categories: readJson(dir, 'categories.json', schemas['categories.json']),
    codeFiles,
    notes: readJson(dir, 'notes.json', schemas['notes.json']),
    pairings: readJson(dir, 'pairings.json', schemas['pairings.json']),
  };
}
