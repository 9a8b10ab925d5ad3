import { echo, parseCode, type CodeKey } from '../../common/code-format';
import { dateOrDefault } from '../release/date-rule.service';
import { CodeSystemId } from '../../domain/code-system-id';
import type { Context } from '../../context';
import { isLicensed } from '../../security/caller';
import { badUserInput } from '../../errors/errors';
import type { PairingCheck } from './pairing-check.type';
import { judgePairing } from './pairing-verdict';
import type { ClaimCode, PairKey } from './pairing.repository';
import { visibleDisplay } from '../code/code.type';
import { codeKeyString } from '../../domain/code-key';
import { stateAbbreviation } from '../../common/state-abbreviation';
import { articlePolicies } from './article-evidence';

/** A claim code after parsing and lookup (validateClaim, src/modules/claim, reads its codes the same way). */
export type ResolvedCode =
  | { kind: 'malformed'; raw: string; message: string }
  | { kind: 'unknown'; raw: string; code: string; system: string }
  | { kind: 'found'; raw: string; found: ClaimCode };

/** The claim codes with each title as this caller may see it (licensed CPT text only for licensed callers); new objects, the cached ones stay as read. */
export function asSeenBy(found: Map<string, ClaimCode>, licensed: boolean): Map<string, ClaimCode> {
  if (licensed) return found;
  return new Map([...found].map(([key, c]) => [key, { ...c, code: { ...c.code, display: visibleDisplay(c.code, false) } }]));
}

const PROCEDURE_SYSTEMS: ReadonlySet<string> = new Set([CodeSystemId.CPT, CodeSystemId.HCPCS, CodeSystemId.ICD10PCS]);

/** The (system, code) keys a claim value can stand for, or why it is no code. */
export function candidates(raw: string, role: 'diagnosis' | 'procedure'): { keys: CodeKey[] } | { message: string } {
  if (role === 'diagnosis') {
    const parsed = parseCode(raw, CodeSystemId.ICD10CM);
    return parsed.ok ? { keys: parsed.candidates } : { message: parsed.message };
  }
  const parsed = parseCode(raw);
  const keys = parsed.ok ? parsed.candidates.filter((k) => PROCEDURE_SYSTEMS.has(k.system)) : [];
  if (keys.length > 0) return { keys };
  return {
    message: parsed.ok ? `Code ${echo(raw)} is not a procedure code: expected CPT (99213), HCPCS Level II (J1100) or ICD-10-PCS (0DTJ4ZZ)` : parsed.message,
  };
}

export function resolve(raw: string, role: 'diagnosis' | 'procedure', found: Map<string, ClaimCode>): ResolvedCode {
  const c = candidates(raw, role);
  if ('message' in c) return { kind: 'malformed', raw, message: c.message };
  const hit = c.keys.map((k) => found.get(codeKeyString(k))).find((f) => f !== undefined);
  if (hit) return { kind: 'found', raw, found: hit };
  return { kind: 'unknown', raw, system: c.keys[0].system, code: c.keys[0].code };
}

export const pairKey = (dx: string, px: CodeKey) => `${dx}|${codeKeyString(px)}`;

/**
 * checkPairing: both codes must exist (published, or retired references a policy names). With a
 * state, the LCD billing articles of that state's contractors that govern the procedure count as
 * policies beside the NCDs (an LCD binds only in its contractors' states: without a state, none).
 */
export async function checkPairing(
  rawDiagnosis: string,
  rawProcedure: string,
  dateOfService: string | null,
  rawState: string | null,
  { repositories, caller }: Context,
): Promise<PairingCheck> {
  const dxParsed = candidates(rawDiagnosis, 'diagnosis');
  if ('message' in dxParsed) throw badUserInput(dxParsed.message, { argument: 'diagnosis', value: rawDiagnosis.slice(0, 64) });
  const pxParsed = candidates(rawProcedure, 'procedure');
  if ('message' in pxParsed) throw badUserInput(pxParsed.message, { argument: 'procedure', value: rawProcedure.slice(0, 64) });
  const state = stateAbbreviation(rawState, 'state');
  const date = await dateOrDefault(dateOfService, { repositories });
  const dxKey = dxParsed.keys[0];
  const pairs: PairKey[] = pxParsed.keys.map((px) => ({
    key: pairKey(dxKey.code, px),
    diagnosisCode: dxKey.code,
    procedureSystem: px.system,
    procedureCode: px.code,
  }));
  const [read, evidence, articles] = await Promise.all([
    repositories.pairings.claimCodes([dxKey, ...pxParsed.keys]),
    repositories.pairings.evidence(pairs, date),
    state === null ? null : repositories.coverageArticles.ofProcedures(pxParsed.keys, state, date),
  ]);
  const codes = asSeenBy(read, isLicensed(caller));
  const diagnosis = codes.get(codeKeyString(dxKey))?.code;
  if (!diagnosis)
    throw badUserInput(`Diagnosis ${echo(rawDiagnosis)} is not in the loaded ICD-10-CM release, and no policy names it`, {
      argument: 'diagnosis',
      value: rawDiagnosis.slice(0, 64),
    });
  const px = pxParsed.keys.find((k) => codes.has(codeKeyString(k)));
  if (!px)
    throw badUserInput(`Procedure ${echo(rawProcedure)} is in no loaded release (CPT, HCPCS, ICD-10-PCS), and no policy names it`, {
      argument: 'procedure',
      value: rawProcedure.slice(0, 64),
    });
  const procedure = codes.get(codeKeyString(px))!.code;
  const ncds = evidence.get(pairKey(dxKey.code, px)) ?? { policies: [], curatedCount: 0, curated: [] };
  const lcds = state === null || articles === null ? [] : articlePolicies(diagnosis.code, articles.get(codeKeyString(px)) ?? [], state);
  const judgement = judgePairing(diagnosis, procedure, { ...ncds, policies: [...ncds.policies, ...lcds] });
  return { verdict: judgement.verdict, diagnosis, procedure, date, pairings: judgement.pairings, reasons: judgement.reasons };
}
