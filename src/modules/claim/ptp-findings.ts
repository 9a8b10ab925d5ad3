import { EvidenceKind } from '../../domain/claim';
import { bypassingModifiers, modifierIndicatorOf, NCCI_PTP_MODIFIERS, ptpInForce, PtpModifierIndicator, type NcciSetting } from '../../domain/ncci';
import type { PtpEditBetween, PtpEditFacts } from './claim-edit.repository';
import { evidence, finding } from './claim-findings';
import { dated, type EditLine } from './claim-line';
import { FindingCode, type ClaimFinding, type Evidence } from './claim-validation.type';

const SETTING_WORDS: Record<NcciSetting, string> = {
  PRACTITIONER: 'practitioner',
  OUTPATIENT_HOSPITAL: 'hospital outpatient',
  DME_SUPPLIER: 'DME supplier',
};

/** Newest file version first ("32.1r0" before "31.3r0"), then the latest effective date. */
function newestFirst(a: PtpEditFacts, b: PtpEditFacts): number {
  return b.fileVersion.localeCompare(a.fileVersion, 'en', { numeric: true }) || b.effectiveFrom.localeCompare(a.effectiveFrom);
}

export function ptpEvidence(column1: string, column2: string, e: PtpEditFacts): Evidence {
  return evidence(
    EvidenceKind.PTP_EDIT,
    `NCCI ${SETTING_WORDS[e.setting]} PTP edit ${column1} (column 1) / ${column2} (column 2), file ${e.sourceFile} version ${e.fileVersion}, ${dated(e.effectiveFrom, e.effectiveTo)}, modifier indicator ${e.modifierIndicator}; rationale: ${e.rationale}.`,
    {
      code: column1,
      target: column2,
      listedAs: `modifier indicator ${e.modifierIndicator}`,
      sourceFile: e.sourceFile,
      fileVersion: e.fileVersion,
      effectiveFrom: e.effectiveFrom,
      effectiveTo: e.effectiveTo,
    },
  );
}

const codeOf = (key: string) => key.slice(key.indexOf('|') + 1);

/**
 * PTP_CONFLICT findings, by line number: for each NCCI PTP edit of the claim's setting in force on
 * the date (the newest file's, when several tables hold the pair) whose column 1 and column 2 codes
 * are on two different lines of the claim (one date of service). Indicator 0: the column 2 line is
 * denied. Indicator 1: it is denied unless either line carries an NCCI-associated modifier; the
 * finding names those that would bypass the edit. Indicator 9: no finding. No setting (inpatient,
 * DME supplier) or no edit between the codes: no finding, unknown is not denied.
 */
export function ptpFindings(
  lines: readonly EditLine[],
  edits: readonly PtpEditBetween[],
  setting: NcciSetting | null,
  date: string,
): Map<number, ClaimFinding[]> {
  const found = new Map<number, ClaimFinding[]>();
  if (setting === null) return found;
  const byPair = new Map<string, PtpEditBetween>();
  for (const e of edits) {
    if (e.edit.setting !== setting || !ptpInForce(e.edit, date)) continue;
    const key = `${e.column1}>${e.column2}`;
    const seen = byPair.get(key);
    if (!seen || newestFirst(e.edit, seen.edit) < 0) byPair.set(key, e);
  }
  for (const { column1, column2, edit } of byPair.values()) {
    const indicator = modifierIndicatorOf(edit.modifierIndicator);
    if (indicator === PtpModifierIndicator.NOT_APPLICABLE) continue;
    const code1 = codeOf(column1);
    const code2 = codeOf(column2);
    for (const second of lines.filter((l) => l.key === column2)) {
      const firsts = lines.filter((l) => l.key === column1 && l.line !== second.line);
      const conflicting =
        indicator === PtpModifierIndicator.NOT_ALLOWED ? firsts : firsts.filter((l) => bypassingModifiers([...l.modifiers, ...second.modifiers]).length === 0);
      if (conflicting.length === 0) continue;
      const withLines = conflicting.map((l) => `line ${l.line}`).join(', ');
      const where = `the NCCI ${SETTING_WORDS[setting]} PTP edits (${edit.sourceFile}, version ${edit.fileVersion}, ${dated(edit.effectiveFrom, edit.effectiveTo)})`;
      const rule =
        indicator === PtpModifierIndicator.NOT_ALLOWED
          ? 'modifier indicator 0: the two codes are never paid together on the same date, and no modifier bypasses the edit'
          : `modifier indicator 1: neither line carries an NCCI-associated modifier; where clinically appropriate, one of ${NCCI_PTP_MODIFIERS.join(', ')} would bypass the edit`;
      const message = `Line ${second.line} (${code2}) is the column 2 code of an edit with ${code1} (${withLines}) in ${where}: ${rule}. Rationale: ${edit.rationale}.`;
      found.set(second.line, [...(found.get(second.line) ?? []), finding(FindingCode.PTP_CONFLICT, message, [ptpEvidence(code1, code2, edit)])]);
    }
  }
  return found;
}
