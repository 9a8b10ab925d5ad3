import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify';
import { GraphQLError } from 'graphql';
import { graphQLErrorOf } from '../../errors/neo4j-errors';
import { echo, parseCode, type CodeKey } from '../../common/code-format';
import { CodeSystemId } from '../../domain/code-system-id';
import { DateScalar } from '../../common/date.scalar';
import type { Context } from '../../context';
import { isLicensed } from '../../security/caller';
import { badUserInput } from '../../errors/errors';
import { ErrorCode } from '../../errors/error-code';
import { CodeRole } from '../code-system/code-role.enum';
import { visibleDisplay, type CodeNode } from '../code/code.type';
import { findCode } from '../code/find-code.service';
import { PairingStatus } from './pairing-status.enum';
import { resolvePairingFilter } from './pairing-filter.service';
import { bareChapterSystem, type PairingDirection, type PairingFilter, type PairingPage } from './pairing.repository';
import { pairingId } from './pairing.type';

/** Rows fetched per round trip while streaming an export. */
const EXPORT_PAGE = 5_000;

const COLUMNS = [
  'diagnosis',
  'diagnosis_title',
  'diagnosis_retired',
  'procedure_system',
  'procedure',
  'procedure_title',
  'status',
  'policy',
  'listed_as',
  'matched_via',
  'effective_from',
  'effective_to',
  'curated_by',
  'curated_source',
  'pairing_id',
];

/** Curator-written text, kept from being read as a formula by a spreadsheet (=, +, -, @ first). */
function cell(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The link to the CSV export of one code's pairings with these filters (what justifiedByCsv returns): absolute under `base`, a path without one. */
export function exportUrl(kind: PairingDirection, code: CodeNode, filter: PairingFilter, base: string | null): string {
  const params = new URLSearchParams({ system: code.system, code: code.code });
  params.set('status', filter.statuses.join(','));
  if (filter.policy) params.set('policy', filter.policy);
  if (filter.chapter) params.set('chapter', filter.chapter);
  if (filter.billableOnly) params.set('billableOnly', 'true');
  params.set('asOf', filter.asOf);
  if (filter.state) params.set('state', filter.state);
  return `${base ?? ''}/export/${kind}.csv?${params.toString()}`;
}

function single(query: Request['query'], name: string): string | null {
  const value = query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string') throw badUserInput(`Query parameter ${name} must be given once, as text`, { argument: name });
  return value;
}

/** Reads and checks the query parameters: the same filters as the GraphQL field, same messages. */
async function readRequest(kind: PairingDirection, req: Request, context: Context): Promise<{ code: CodeNode; filter: PairingFilter }> {
  const raw = single(req.query, 'code');
  if (!raw) throw badUserInput('Query parameter code is required: the procedure (justified-by) or diagnosis (justifies) code', { argument: 'code' });
  const systemParam = single(req.query, 'system');
  if (systemParam !== null && !Object.values(CodeSystemId).includes(systemParam as CodeSystemId)) {
    throw badUserInput(`system ${echo(systemParam)} is not a code system: expected one of ${Object.values(CodeSystemId).join(', ')}`, {
      argument: 'system',
      value: systemParam,
    });
  }
  const system = (systemParam as CodeSystemId | null) ?? (kind === 'justifies' ? CodeSystemId.ICD10CM : null);
  const parsed = parseCode(raw, system);
  if (!parsed.ok) throw badUserInput(parsed.message, { argument: 'code', value: raw.slice(0, 64) });
  const code = await findCode(context.loaders, raw, system);
  if (!code) throw badUserInput(`Code ${echo(raw)} is in no loaded release`, { argument: 'code', value: raw });
  const role = kind === 'justified-by' ? CodeRole.PROCEDURE : CodeRole.DIAGNOSIS;
  if (code.role !== role) {
    throw badUserInput(`Code ${echo(raw)} is a ${code.role.toLowerCase()} (${code.system}); ${kind}.csv takes a ${role.toLowerCase()} code`, {
      argument: 'code',
      value: raw,
    });
  }
  const statusParam = single(req.query, 'status');
  const status =
    statusParam === null
      ? null
      : statusParam
          .split(',')
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean);
  for (const s of status ?? []) {
    if (!Object.values(PairingStatus).includes(s as PairingStatus))
      throw badUserInput(`status ${echo(s)} is not a pairing status: expected ${Object.values(PairingStatus).join(', ')}`, { argument: 'status', value: s });
  }
  const billable = single(req.query, 'billableOnly');
  if (billable !== null && billable !== 'true' && billable !== 'false')
    throw badUserInput(`billableOnly must be true or false, got ${echo(billable)}`, { argument: 'billableOnly', value: billable });
  const asOf = single(req.query, 'asOf');
  const filter = await resolvePairingFilter(
    {
      status: status as PairingStatus[] | null,
      policy: single(req.query, 'policy'),
      chapter: single(req.query, 'chapter'),
      billableOnly: billable === 'true',
      asOf: asOf === null ? null : DateScalar.parseValue(asOf),
      state: single(req.query, 'state'),
    },
    context,
    bareChapterSystem(kind),
  );
  return { code, filter };
}

/**
 * GET /export/justified-by.csv and /export/justifies.csv: every pairing of justifiedBy / justifies
 * with the same filters, as CSV (RFC 4180, header row), streamed page by page with back-pressure.
 * Bad parameters are a 400 with the same JSON error (extensions.code) GraphQL would give.
 */
export function exportHandler(kind: PairingDirection, createContext: (req: Request) => Context, anonymousMaxRows = Number.POSITIVE_INFINITY) {
  return async (req: Request, res: Response): Promise<void> => {
    let context: Context;
    let request: { code: CodeNode; filter: PairingFilter };
    let first: PairingPage;
    const fetch = (key: CodeKey, skip: number) => context.repositories.pairings.pairingsOf(kind, key, request.filter, skip, EXPORT_PAGE);
    try {
      // Inside the try: without a key when anonymous access is off, the caller is refused here (401).
      context = createContext(req);
      request = await readRequest(kind, req, context);
      first = await fetch(request.code, 0);
      if (context.caller.credential !== 'valid' && first.total > anonymousMaxRows) {
        throw new GraphQLError(
          `This export has ${first.total} rows; without an API key at most ${anonymousMaxRows} may be exported (CODESET_ANON_EXPORT_ROWS): narrow it with status, policy, chapter or billableOnly, or send an X-Api-Key`,
          { extensions: { code: ErrorCode.FORBIDDEN, rows: first.total, allowed: anonymousMaxRows } },
        );
      }
    } catch (error) {
      const graphQLError = graphQLErrorOf(error);
      const e = graphQLError.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR ? null : graphQLError;
      const code = (e?.extensions.code as string | undefined) ?? ErrorCode.INTERNAL_SERVER_ERROR;
      const status =
        code === ErrorCode.BAD_USER_INPUT
          ? 400
          : code === ErrorCode.UNAUTHENTICATED
            ? 401
            : code === ErrorCode.FORBIDDEN
              ? 403
              : code === ErrorCode.SERVICE_UNAVAILABLE || code === ErrorCode.DATABASE_TIMEOUT
                ? 503
                : 500;
      const extensions = status === 500 ? { code: ErrorCode.INTERNAL_SERVER_ERROR } : { ...e!.extensions, code };
      res.status(status).json({ errors: [{ message: e && status !== 500 ? e.message : 'Internal server error', extensions }] });
      return;
    }
    const name = `${kind}-${request.code.system}-${request.code.code.replace('.', '')}-${request.filter.asOf}.csv`;
    res.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('X-Total-Count', String(first.total));
    const csv = stringify({ header: true, columns: COLUMNS });
    csv.pipe(res);
    // A client that goes away stops the export: waiting for 'drain' would never end.
    const write = async (row: unknown[]) => {
      if (csv.write(row)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          csv.off('drain', done);
          res.off('close', done);
          resolve();
        };
        csv.once('drain', done);
        res.once('close', done);
      });
    };
    try {
      let page = first;
      for (let skip = 0; ;) {
        for (const p of page.pairings) {
          if (res.destroyed) break;
          await write([
            p.diagnosis.code,
            visibleDisplay(p.diagnosis, isLicensed(context.caller)),
            p.diagnosis.retired ? 'true' : 'false',
            p.procedure.system,
            p.procedure.code,
            visibleDisplay(p.procedure, isLicensed(context.caller)),
            p.status,
            p.policyId ?? '',
            p.listedAs ?? '',
            p.via,
            p.effectiveFrom ?? '',
            p.effectiveTo ?? '',
            cell(p.curated?.author),
            cell(p.curated?.source),
            pairingId(p),
          ]);
        }
        skip += page.pairings.length;
        if (page.pairings.length === 0 || skip >= page.total || res.destroyed) break;
        page = await fetch(request.code, skip);
      }
      csv.end();
    } catch {
      // Headers are sent: the broken stream is all that can tell the client.
      res.destroy();
    }
  };
}
