import { echo, parseCode, type CodeKey } from '../../common/code-format';
import { CodeSystemId } from '../../domain/code-system-id';
import { today } from '../../common/date.scalar';
import type { Context } from '../../context';
import { isLicensed } from '../../security/caller';
import { badUserInput } from '../../errors/errors';
import type { ClaimInput } from './claim.input';
import { ClaimOutcome, type ClaimFinding, type ClaimLineResult, type ClaimValidation } from './claim-validation.type';
import { codeFindings, excludes1Findings, finding, lineSummary, necessityFindings, outcomeOf, type ResolvedCode } from './claim-findings';
import { FindingCode } from './claim-validation.type';
import type { PairingCheck } from './pairing-check.type';
import { judgePairing } from './pairing-verdict';
import type { ClaimCode, PairKey } from './pairing.repository';
import { visibleDisplay } from '../code/code.type';
import { codeKeyString } from '../../domain/code-key';

/** The claim codes with each title as this caller may see it (licensed CPT text only for licensed callers); new objects, the cached ones stay as read. */
function asSeenBy(found: Map<string, ClaimCode>, licensed: boolean): Map<string, ClaimCode> {
  if (licensed) return found;
  return new Map([...found].map(([key, c]) => [key, { ...c, code: { ...c.code, display: visibleDisplay(c.code, false) } }]));
}

const PROCEDURE_SYSTEMS: ReadonlySet<string> = new Set([CodeSystemId.CPT, CodeSystemId.HCPCS, CodeSystemId.ICD10PCS]);

/** The (system, code) keys a claim value can stand for, or why it is no code. */
function candidates(raw: string, role: 'diagnosis' | 'procedure'): { keys: CodeKey[] } | { message: string } {
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

function resolve(raw: string, role: 'diagnosis' | 'procedure', found: Map<string, ClaimCode>): ResolvedCode {
  const c = candidates(raw, role);
  if ('message' in c) return { kind: 'malformed', raw, message: c.message };
  const hit = c.keys.map((k) => found.get(codeKeyString(k))).find((f) => f !== undefined);
  if (hit) return { kind: 'found', raw, found: hit };
  return { kind: 'unknown', raw, system: c.keys[0].system, code: c.keys[0].code };
}

const pairKey = (dx: string, px: CodeKey) => `${dx}|${codeKeyString(px)}`;

/** checkPairing: both codes must exist (published, or retired references a policy names). */
export async function checkPairing(
  rawDiagnosis: string,
  rawProcedure: string,
  dateOfService: string | null,
  { repositories, caller }: Context,
): Promise<PairingCheck> {
  const dxParsed = candidates(rawDiagnosis, 'diagnosis');
  if ('message' in dxParsed) throw badUserInput(dxParsed.message, { argument: 'diagnosis', value: rawDiagnosis.slice(0, 64) });
  const pxParsed = candidates(rawProcedure, 'procedure');
  if ('message' in pxParsed) throw badUserInput(pxParsed.message, { argument: 'procedure', value: rawProcedure.slice(0, 64) });
  const date = dateOfService ?? today();
  const dxKey = dxParsed.keys[0];
  const pairs: PairKey[] = pxParsed.keys.map((px) => ({
    key: pairKey(dxKey.code, px),
    diagnosisCode: dxKey.code,
    procedureSystem: px.system,
    procedureCode: px.code,
  }));
  const [read, evidence] = await Promise.all([repositories.pairings.claimCodes([dxKey, ...pxParsed.keys]), repositories.pairings.evidence(pairs, date)]);
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
  const judgement = judgePairing(diagnosis, procedure, evidence.get(pairKey(dxKey.code, px)) ?? { policies: [], curatedCount: 0, curated: [] });
  return { verdict: judgement.verdict, diagnosis, procedure, date, pairings: judgement.pairings, reasons: judgement.reasons };
}

/**
 * validateClaim: each diagnosis and procedure is checked on its own (UNKNOWN_CODE, NOT_BILLABLE,
 * NOT_VALID_ON_DATE), the diagnoses against each other (EXCLUDES1_CONFLICT), and each line's
 * procedure against the diagnoses it points to (MISSING_DIAGNOSIS, NOT_COVERED,
 * NO_SUPPORTING_DIAGNOSIS, NO_POLICY). Three reads, run together.
 */
export async function validateClaim(claim: ClaimInput, { repositories, caller }: Context): Promise<ClaimValidation> {
  claim.lines.forEach((line, i) => {
    for (const pointer of line.diagnosisPointers) {
      if (pointer > claim.diagnoses.length) {
        throw badUserInput(
          `Line ${i + 1} points to diagnosis ${pointer}, but the claim has ${claim.diagnoses.length}: pointers are 1-based positions in diagnoses`,
          { argument: `lines[${i}].diagnosisPointers`, value: pointer },
        );
      }
    }
  });
  const date = claim.dateOfService ?? null;
  const keys = new Map<string, CodeKey>();
  const dxKeys = claim.diagnoses.map((raw) => candidates(raw, 'diagnosis'));
  const pxKeys = claim.lines.map((l) => candidates(l.procedure, 'procedure'));
  for (const c of [...dxKeys, ...pxKeys]) if ('keys' in c) for (const k of c.keys) keys.set(codeKeyString(k), k);
  const pairs = new Map<string, PairKey>();
  claim.lines.forEach((line, i) => {
    const px = pxKeys[i];
    if (!('keys' in px)) return;
    for (const pointer of line.diagnosisPointers) {
      const dx = dxKeys[pointer - 1];
      if (!('keys' in dx)) continue;
      for (const k of px.keys)
        pairs.set(pairKey(dx.keys[0].code, k), {
          key: pairKey(dx.keys[0].code, k),
          diagnosisCode: dx.keys[0].code,
          procedureSystem: k.system,
          procedureCode: k.code,
        });
    }
  });
  const dxCodes = [...new Set(dxKeys.flatMap((c) => ('keys' in c ? [c.keys[0].code] : [])))];
  const [read, evidence, conflicts] = await Promise.all([
    repositories.pairings.claimCodes([...keys.values()]),
    repositories.pairings.evidence([...pairs.values()], date ?? today()),
    repositories.pairings.excludes1Conflicts(dxCodes),
  ]);

  const found = asSeenBy(read, isLicensed(caller));
  const diagnoses = claim.diagnoses.map((raw) => resolve(raw, 'diagnosis', found));
  const findings: ClaimFinding[] = [];
  diagnoses.forEach((d, i) => {
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- a finding is plain data; its copy needs no prototype
    for (const f of codeFindings('diagnosis', d, date)) findings.push({ ...f, message: `Diagnosis ${i + 1}: ${f.message}` });
  });
  findings.push(...excludes1Findings(conflicts));

  const lines: ClaimLineResult[] = claim.lines.map((line, i) => {
    const procedure = resolve(line.procedure, 'procedure', found);
    const pointed = [...new Set(line.diagnosisPointers)].map((p) => diagnoses[p - 1]);
    const lineFindings = codeFindings('procedure', procedure, date);
    if (pointed.length === 0) {
      lineFindings.push(
        finding(FindingCode.MISSING_DIAGNOSIS, `Line ${i + 1} (${line.procedure}) points to no diagnosis: every line needs at least one that justifies it.`),
      );
    } else if (procedure.kind === 'found') {
      const px = procedure.found.code;
      const judged = pointed.flatMap((d) => {
        if (d.kind !== 'found') return [];
        const e = evidence.get(pairKey(d.found.code.code, px)) ?? { policies: [], curatedCount: 0, curated: [] };
        return [{ diagnosis: d.found.code, judgement: judgePairing(d.found.code, px, e) }];
      });
      lineFindings.push(...necessityFindings(px, judged));
    }
    return {
      line: i + 1,
      procedure: line.procedure,
      diagnoses: pointed.map((d) => d.raw),
      findings: lineFindings,
      outcome: outcomeOf(lineFindings),
      summary: lineSummary(i + 1, line.procedure, lineFindings),
    };
  });

  const outcome = [outcomeOf(findings), ...lines.map((l) => l.outcome)].reduce((worst, o) => (rank(o) > rank(worst) ? o : worst), ClaimOutcome.PASS);
  const failing = lines.filter((l) => l.outcome === ClaimOutcome.FAIL).length;
  const summary =
    outcome === ClaimOutcome.PASS
      ? `All ${lines.length} line(s) pass.`
      : `${failing} of ${lines.length} line(s) would be denied${findings.length ? `; ${findings.length} claim-level finding(s): ${[...new Set(findings.map((f) => f.code))].join(', ')}` : ''}.`;
  return { dateOfService: date, findings, lines, outcome, summary };
}

function rank(o: ClaimOutcome): number {
  return { PASS: 0, REVIEW: 1, FAIL: 2 }[o];
}
