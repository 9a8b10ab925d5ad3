import { EvidenceKind } from '../../domain/claim';
import { adjudicationOf, adjudicationRule, MueAdjudication, mueEffectiveDate, mueInForce, type NcciSetting } from '../../domain/ncci';
import type { MueFacts } from './claim-edit.repository';
import { evidence, finding } from './claim-findings';
import type { EditLine } from './claim-line';
import { FindingCode, type ClaimFinding, type Evidence } from './claim-validation.type';

const SETTING_WORDS: Record<NcciSetting, string> = {
  PRACTITIONER: 'practitioner services',
  OUTPATIENT_HOSPITAL: 'outpatient hospital services',
  DME_SUPPLIER: 'DME supplier services',
};

export function mueEvidence(code: string, m: MueFacts): Evidence {
  const from = mueEffectiveDate(m.fileVersion);
  return evidence(
    EvidenceKind.MUE,
    `NCCI ${SETTING_WORDS[m.setting]} MUE of ${code}: ${m.units} unit(s), adjudication indicator ${m.adjudication} (${m.adjudicationText}), rationale: ${m.rationale}; file ${m.sourceFile}, version ${m.fileVersion}${from ? `, effective ${from}` : ''}.`,
    { code, listedAs: `MUE ${m.units}, MAI ${m.adjudication}`, sourceFile: m.sourceFile, fileVersion: m.fileVersion, effectiveFrom: from },
  );
}

/**
 * MUE_EXCEEDED findings, by line number: the MUE of each code in the claim's setting, from the table
 * in force on the date (the latest effective on or before it). Adjudication indicator 1: each line
 * over the value. 2 and 3: the units of the code on every line of the claim (one date of service)
 * added up; each of those lines gets the finding when the total is over. A code with no MUE loaded,
 * or no setting (inpatient), gets none.
 */
export function mueFindings(
  lines: readonly EditLine[],
  mues: ReadonlyMap<string, readonly MueFacts[]>,
  setting: NcciSetting | null,
  date: string,
): Map<number, ClaimFinding[]> {
  const found = new Map<number, ClaimFinding[]>();
  if (setting === null) return found;
  const add = (line: number, f: ClaimFinding) => found.set(line, [...(found.get(line) ?? []), f]);
  for (const key of new Set(lines.map((l) => l.key))) {
    const mue = mueInForce(
      (mues.get(key) ?? []).filter((m) => m.setting === setting),
      date,
    );
    if (!mue) continue;
    const ofCode = lines.filter((l) => l.key === key);
    const code = ofCode[0].code;
    const rule = adjudicationRule(adjudicationOf(mue.adjudication));
    const proof = [mueEvidence(code, mue)];
    if (adjudicationOf(mue.adjudication) === MueAdjudication.LINE) {
      for (const l of ofCode.filter((x) => x.units > mue.units)) {
        add(
          l.line,
          finding(
            FindingCode.MUE_EXCEEDED,
            `Line ${l.line} reports ${l.units} units of ${code}; its MUE (${SETTING_WORDS[setting]}) is ${mue.units}. ${rule}`,
            proof,
          ),
        );
      }
      continue;
    }
    const total = ofCode.reduce((sum, l) => sum + l.units, 0);
    if (total <= mue.units) continue;
    const where = ofCode.length === 1 ? `line ${ofCode[0].line}` : `lines ${ofCode.map((l) => l.line).join(', ')}`;
    for (const l of ofCode) {
      add(
        l.line,
        finding(
          FindingCode.MUE_EXCEEDED,
          `The claim reports ${total} units of ${code} on the date of service (${where}); its MUE (${SETTING_WORDS[setting]}) is ${mue.units}. ${rule}`,
          proof,
        ),
      );
    }
  }
  return found;
}
