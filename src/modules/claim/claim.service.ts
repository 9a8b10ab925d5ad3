import type { CodeKey } from '../../common/code-format';
import { inSomeWindow, type ReleaseWindow } from '../../domain/date-rule';
import { dateOrDefault } from '../release/date-rule.service';
import { echo } from '../../common/code-format';
import { stateAbbreviation } from '../../common/state-abbreviation';
import type { Context } from '../../context';
import { ClaimSetting, EvidenceKind } from '../../domain/claim';
import { codeKeyString } from '../../domain/code-key';
import { CodeSystemId } from '../../domain/code-system-id';
import { CPT_MODIFIERS, mueSettingOf, ptpSettingOf } from '../../domain/ncci';
import { badUserInput } from '../../errors/errors';
import { isLicensed } from '../../security/caller';
import { asSeenBy, candidates, pairKey, resolve } from '../pairing/pairing-check.service';
import { judgePairing } from '../pairing/pairing-verdict';
import { PairingStatus } from '../../domain/pairing';
import type { PairKey } from '../pairing/pairing.repository';
import type { CoverageArticleNode } from '../policy/coverage-article.type';
import { evidence, finding, lineSummary, outcomeOf, type ResolvedCode } from './claim-findings';
import type { EditLine } from './claim-line';
import { ClaimOutcome, FindingCode, Severity, type ClaimFinding, type ClaimLineResult, type ClaimValidation } from './claim-validation.type';
import { CLAIM_LIMITS, type ClaimInput } from './claim.input';
import { codeFindings } from './code-findings';
import { excludes1Findings } from './excludes1-findings';
import { lcdFindings } from './lcd-findings';
import { mueFindings } from './mue-findings';
import { necessityFindings } from './necessity-findings';
import { ptpFindings } from './ptp-findings';
import { settingFindings } from './setting-findings';

const MODIFIER = /^[0-9A-Z]{2}$/;

/** Each line's modifiers, upper case; BAD_USER_INPUT naming the line for a malformed one or a bad number of units. */
function checkLines(claim: ClaimInput): string[][] {
  return claim.lines.map((line, i) => {
    line.diagnosisPointers.forEach((pointer, k) => {
      if (pointer > claim.diagnoses.length) {
        const expected = `a 1-based position in diagnoses, 1 to ${claim.diagnoses.length}`;
        throw badUserInput(`Line ${i + 1} points to diagnosis ${pointer}, but the claim has ${claim.diagnoses.length}: expected ${expected}`, {
          argument: `lines[${i}].diagnosisPointers[${k}]`,
          value: pointer,
          expected,
        });
      }
    });
    const units = line.units ?? 1;
    if (!Number.isInteger(units) || units < 1 || units > CLAIM_LIMITS.units) {
      throw badUserInput(`Line ${i + 1} reports ${units} units: units are a whole number from 1 to ${CLAIM_LIMITS.units}`, {
        argument: `lines[${i}].units`,
        value: units,
        expected: `a whole number from 1 to ${CLAIM_LIMITS.units}`,
      });
    }
    const modifiers = (line.modifiers ?? []).map((m) => m.trim().toUpperCase());
    if (modifiers.length > CLAIM_LIMITS.modifiers) {
      throw badUserInput(`Line ${i + 1} has ${modifiers.length} modifiers: a line takes at most ${CLAIM_LIMITS.modifiers}`, {
        argument: `lines[${i}].modifiers`,
        value: modifiers.length,
        expected: `at most ${CLAIM_LIMITS.modifiers} modifiers`,
      });
    }
    modifiers.forEach((m, j) => {
      if (!MODIFIER.test(m)) {
        throw badUserInput(`Line ${i + 1} modifier ${echo(line.modifiers[j])} is not a modifier: expected 2 letters or digits (59, XS, LT)`, {
          argument: `lines[${i}].modifiers[${j}]`,
          value: line.modifiers[j].slice(0, 16),
          expected: '2 letters or digits (59, XS, LT)',
        });
      }
    });
    return modifiers;
  });
}

/** BAD_USER_INPUT for the first modifier that is neither a loaded HCPCS Level II modifier nor a CPT modifier number. */
function checkModifiers(modifiers: string[][], loaded: ReadonlySet<string>): void {
  modifiers.forEach((ofLine, i) =>
    ofLine.forEach((m, j) => {
      const known = /^\d\d$/.test(m) ? CPT_MODIFIERS.has(m) : loaded.has(m);
      if (!known) {
        throw badUserInput(
          `Line ${i + 1} modifier "${m}" is unknown: it is ${/^\d\d$/.test(m) ? 'not a CPT modifier number' : 'not a Level II modifier of the loaded HCPCS release'}`,
          { argument: `lines[${i}].modifiers[${j}]`, value: m },
        );
      }
    }),
  );
}

/**
 * validateClaim: each diagnosis and procedure is checked on its own (UNKNOWN_CODE, NOT_BILLABLE,
 * NOT_VALID_ON_DATE, WRONG_CODE_SET_FOR_SETTING), the diagnoses against each other
 * (EXCLUDES1_CONFLICT), each line's procedure against the diagnoses it points to (MISSING_DIAGNOSIS,
 * NOT_COVERED, NO_SUPPORTING_DIAGNOSIS, NO_POLICY), and the lines against the NCCI edits of the
 * claim's setting in force on the date (PTP_CONFLICT, MUE_EXCEEDED), and, with a state, against
 * the LCD billing articles of its contractors (LCD_NOT_COVERED, LCD_GROUP_INCOMPLETE). All reads run
 * together, in one round of round trips.
 */
export async function validateClaim(claim: ClaimInput, { repositories, caller }: Context): Promise<ClaimValidation> {
  const modifiers = checkLines(claim);
  const state = stateAbbreviation(claim.state, 'state');
  const setting = claim.setting ?? ClaimSetting.PROFESSIONAL;
  const given = claim.dateOfService ?? null;
  const [date, windows] = await Promise.all([dateOrDefault(given, { repositories }), repositories.releases.windows()]);
  const editDate = date;
  const keys = new Map<string, CodeKey>();
  const pxKeyMap = new Map<string, CodeKey>();
  const dxKeys = claim.diagnoses.map((raw) => candidates(raw, 'diagnosis'));
  const pxKeys = claim.lines.map((l) => candidates(l.procedure, 'procedure'));
  for (const c of [...dxKeys, ...pxKeys]) if ('keys' in c) for (const k of c.keys) keys.set(codeKeyString(k), k);
  for (const c of pxKeys) if ('keys' in c) for (const k of c.keys) pxKeyMap.set(codeKeyString(k), k);
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
  const ptpSetting = ptpSettingOf(setting);
  const mueSetting = mueSettingOf(setting);
  const procedureKeys = [...pxKeyMap.values()];
  const levelII = [...new Set(modifiers.flat().filter((m) => !/^\d\d$/.test(m)))];
  const [read, evidence, conflicts, ptpEdits, mues, loadedModifiers, articles] = await Promise.all([
    repositories.pairings.claimCodes([...keys.values()]),
    repositories.pairings.evidence([...pairs.values()], date),
    repositories.pairings.excludes1Conflicts(dxCodes),
    ptpSetting === null ? Promise.resolve([]) : repositories.claimEdits.ptpBetween(procedureKeys),
    mueSetting === null ? Promise.resolve(new Map()) : repositories.claimEdits.mueEdits(procedureKeys),
    repositories.modifiers.known(CodeSystemId.HCPCS, levelII),
    // The LCD articles of the state's contractors, for every code a line's procedure may be.
    state === null ? Promise.resolve(new Map<string, CoverageArticleNode[]>()) : repositories.coverageArticles.ofProcedures(procedureKeys, state, editDate),
  ]);
  checkModifiers(modifiers, loadedModifiers);

  const found = asSeenBy(read, isLicensed(caller));
  const diagnoses = claim.diagnoses.map((raw) => resolve(raw, 'diagnosis', found));
  const procedures = claim.lines.map((line) => resolve(line.procedure, 'procedure', found));
  // A code set with releases loaded, none in force on the date: one claim-level warning, and its codes are not dated.
  const undated = undatedSystems([...diagnoses, ...procedures], windows, date);
  const dateFor = (r: ResolvedCode) => (r.kind === 'found' && undated.has(r.found.code.system) ? null : date);
  const findings: ClaimFinding[] = [...undated.values()].map((w) => noReleaseFinding(w, date));
  diagnoses.forEach((d, i) => {
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- a finding is plain data; its copy needs no prototype
    for (const f of codeFindings('diagnosis', d, dateFor(d))) findings.push({ ...f, message: `Diagnosis ${i + 1}: ${f.message}` });
  });
  findings.push(...excludes1Findings(conflicts));

  const editLines: EditLine[] = procedures.flatMap((p, i) =>
    p.kind === 'found'
      ? [{ line: i + 1, key: codeKeyString(p.found.code), code: p.found.code.code, units: claim.lines[i].units ?? 1, modifiers: modifiers[i] }]
      : [],
  );
  const ptp = ptpFindings(editLines, ptpEdits, ptpSetting, editDate);
  const mue = mueFindings(editLines, mues, mueSetting, editDate);

  const lines: ClaimLineResult[] = claim.lines.map((line, i) => {
    const procedure = procedures[i];
    const pointed = [...new Set(line.diagnosisPointers)].map((p) => diagnoses[p - 1]);
    const lineFindings = codeFindings('procedure', procedure, dateFor(procedure));
    if (procedure.kind === 'found') lineFindings.push(...settingFindings(i + 1, procedure.found.code, setting));
    if (pointed.length === 0) {
      lineFindings.push(
        finding(FindingCode.MISSING_DIAGNOSIS, `Line ${i + 1} (${line.procedure}) points to no diagnosis: every line needs at least one that justifies it.`),
      );
    }
    let ncdCovers = false;
    if (pointed.length > 0 && procedure.kind === 'found') {
      const px = procedure.found.code;
      const judged = pointed.flatMap((d) => {
        if (d.kind !== 'found') return [];
        const e = evidence.get(pairKey(d.found.code.code, px)) ?? { policies: [], curatedCount: 0, curated: [] };
        return [{ diagnosis: d.found.code, judgement: judgePairing(d.found.code, px, e) }];
      });
      lineFindings.push(...necessityFindings(px, judged));
      ncdCovers = judged.some((j) => j.judgement.answers.some((a) => a.pairing?.status === PairingStatus.COVERED));
    }
    lineFindings.push(...(ptp.get(i + 1) ?? []), ...(mue.get(i + 1) ?? []));
    // An NCD binds nationally: where one covers the line, an LCD article cannot deny it (checkPairing says SUPPORTED too).
    if (state !== null && procedure.kind === 'found' && pointed.length > 0 && !ncdCovers) {
      const codes = pointed.flatMap((d) => (d.kind === 'found' ? [d.found.code.code] : []));
      const governing = articles.get(codeKeyString(procedure.found.code)) ?? [];
      if (codes.length > 0) lineFindings.push(...lcdFindings(i + 1, procedure.found.code.code, codes, governing, state));
    }
    return {
      line: i + 1,
      procedure: line.procedure,
      diagnoses: pointed.map((d) => d.raw),
      units: line.units ?? 1,
      modifiers: modifiers[i],
      findings: lineFindings,
      outcome: outcomeOf(lineFindings),
      summary: lineSummary(i + 1, line.procedure, lineFindings),
    };
  });

  const outcome = [outcomeOf(findings), ...lines.map((l) => l.outcome)].reduce((worst, o) => (rank(o) > rank(worst) ? o : worst), ClaimOutcome.PASS);
  return { setting, state, dateOfService: date, dateOfServiceGiven: given !== null, findings, lines, outcome, summary: claimSummary(outcome, findings, lines) };
}

/**
 * The claim's result in one sentence, agreeing with its outcome: a claim-level error (a diagnosis
 * not valid on the date, an Excludes1 conflict) denies the claim whatever its lines say.
 */
export function claimSummary(outcome: ClaimOutcome, findings: readonly ClaimFinding[], lines: readonly ClaimLineResult[]): string {
  if (outcome === ClaimOutcome.PASS) return `All ${lines.length} line(s) pass.`;
  const failing = lines.filter((l) => l.outcome === ClaimOutcome.FAIL).length;
  const claimErrors = findings.filter((f) => f.severity === Severity.ERROR);
  const codes = (fs: readonly ClaimFinding[]) => [...new Set(fs.map((f) => f.code))].join(', ');
  const head =
    claimErrors.length > 0
      ? `The claim would be denied: ${claimErrors.length} claim-level error(s) (${codes(claimErrors)}); ${failing} of ${lines.length} line(s) would be denied on their own`
      : outcome === ClaimOutcome.FAIL
        ? `${failing} of ${lines.length} line(s) would be denied`
        : `Needs review: ${failing} of ${lines.length} line(s) would be denied`;
  const others = findings.filter((f) => f.severity !== Severity.ERROR);
  return `${head}${others.length ? `; ${others.length} other claim-level finding(s): ${codes(others)}` : ''}.`;
}

/** The code sets of the claim's found codes that have releases loaded, none in force on `date`, with those releases. */
function undatedSystems(codes: readonly ResolvedCode[], windows: readonly ReleaseWindow[], date: string): Map<string, ReleaseWindow[]> {
  const out = new Map<string, ReleaseWindow[]>();
  for (const c of codes) {
    if (c.kind !== 'found' || out.has(c.found.code.system)) continue;
    const ofSystem = windows.filter((w) => w.system === c.found.code.system);
    if (ofSystem.length > 0 && !inSomeWindow(ofSystem, date)) out.set(c.found.code.system, ofSystem);
  }
  return out;
}

function noReleaseFinding(windows: readonly ReleaseWindow[], date: string): ClaimFinding {
  const system = windows[0].system;
  const loaded = windows.map((w) => `${w.version} (${w.effectiveFrom ?? '…'} to ${w.effectiveTo ?? 'open'})`).join(', ');
  return finding(
    FindingCode.NO_RELEASE_FOR_DATE,
    `No loaded ${system} release is in force on ${date} (loaded: ${loaded}): the claim's ${system} codes are not checked against the date.`,
    windows.map((w) => evidence(EvidenceKind.RELEASE, `${system} ${w.version} is in force ${w.effectiveFrom ?? '…'} to ${w.effectiveTo ?? 'open'}.`)),
  );
}

function rank(o: ClaimOutcome): number {
  return { PASS: 0, REVIEW: 1, FAIL: 2 }[o];
}
