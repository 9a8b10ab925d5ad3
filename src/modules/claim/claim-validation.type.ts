import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { ClaimOutcome, EvidenceKind, FindingCode, Severity } from '../../domain/claim';
import { ClaimSetting } from './claim-setting.enum';

// FindingCode, Severity and ClaimOutcome are declared in src/domain/claim.ts; registered here.
export { ClaimOutcome, EvidenceKind, FindingCode, Severity };

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What kind of fact an Evidence names.',
  valuesConfig: {
    POLICY_LISTING: { description: 'A policy lists the diagnosis (a code, a range or a header) for the procedure.' },
    POLICY_DEFAULT_RULE: { description: "A policy's rule for every diagnosis it does not list." },
    CURATED_PAIRING: { description: 'A curator says the diagnosis justifies the procedure.' },
    LCD_ARTICLE: { description: 'An LCD billing article of the claim state, its covered and non-covered groups.' },
    SPECIFIC_CODES: { description: 'A policy covers the codes under the diagnosis, not the diagnosis itself: report a more specific code.' },
    EXCLUDES1_NOTE: { description: 'An Excludes1 note of the tabular list.' },
    CODE: { description: 'A code of a loaded release, or its absence.' },
    RELEASE: { description: 'A release and the dates it is in force.' },
    PTP_EDIT: { description: 'An NCCI procedure-to-procedure edit.' },
    MUE: { description: 'A medically unlikely edit.' },
    CODE_SET_RULE: { description: 'Which code set a setting reports procedures in (HIPAA code set rules).' },
  },
});

registerEnumType(FindingCode, {
  name: 'FindingCode',
  description: 'What a claim check found.',
  valuesConfig: {
    UNKNOWN_CODE: { description: 'The code is malformed, or no loaded release holds it (a retired code says so in the message).' },
    NOT_BILLABLE: { description: 'A header code (E11, E11.6): report a code under it.' },
    NOT_VALID_ON_DATE: { description: 'None of the releases the code is valid in covers the date of service.' },
    MISSING_DIAGNOSIS: { description: 'The line points to no diagnosis: a procedure code alone never justifies itself.' },
    NO_SUPPORTING_DIAGNOSIS: { description: "The procedure is governed by a policy or curated pairings, and none of the line's diagnoses supports it." },
    NOT_COVERED: { description: "A policy denies the procedure for one of the line's diagnoses, or says it does not support medical necessity." },
    EXCLUDES1_CONFLICT: { description: 'Two claim diagnoses that an Excludes1 note says are never coded together.' },
    NO_POLICY: { description: 'Information: no policy or curated pairing governs the procedure, so medical necessity was not checked.' },
    PTP_CONFLICT: {
      description:
        "Two procedures of the claim form an NCCI procedure-to-procedure edit in force on the date in the claim's setting: modifier indicator 0, or 1 with no NCCI-associated modifier on either line (the finding names those that would bypass it). On the column 2 line.",
    },
    MUE_EXCEEDED: {
      description:
        "The units are over the code's medically unlikely edit in the claim's setting: per line (adjudication indicator 1) or added up over the date of service (2, 3).",
    },
    WRONG_CODE_SET_FOR_SETTING: {
      description:
        'The procedure is of the wrong code set for the setting: ICD-10-PCS on a professional, outpatient or DME claim, or CPT/HCPCS on an inpatient facility claim (hospitals report inpatient procedures with PCS).',
    },
    LCD_NOT_COVERED: {
      description:
        "An LCD billing article of a contractor serving the claim's state governs the procedure on the date, and none of the line's diagnoses is in any of its covered groups. The evidence names the article and, for a vague diagnosis, the more specific codes under the same category that the article covers (at most 10, most general first).",
    },
    LCD_GROUP_INCOMPLETE: {
      description:
        "A line's diagnosis is in a covered group of an LCD article that must be reported with a diagnosis from another group, and none of the line's diagnoses is in that group.",
    },
    NO_RELEASE_FOR_DATE: {
      description:
        "Warning, once per claim and code set: no loaded release of a code set the claim's codes belong to is in force on the date of service, so its codes are not checked against the date (no NOT_VALID_ON_DATE for them). Load that year's release, or see defaultDate.",
    },
  },
});

registerEnumType(Severity, { name: 'Severity', description: 'ERROR: the line or claim would be denied; WARNING: needs review; INFO: for the record.' });

registerEnumType(ClaimOutcome, { name: 'ClaimOutcome', description: 'FAIL when any ERROR finding applies, REVIEW when a WARNING does, else PASS.' });

/** The fact behind a finding: an edge, a note or a policy, named so a person can look it up. */
@ObjectType('Evidence', { description: 'The fact behind a finding.' })
export class Evidence {
  @Field(() => EvidenceKind, { description: 'What kind of fact it is (until issue 18 a String of the same values).' })
  kind!: EvidenceKind;

  @Field(() => String, { nullable: true, description: 'The policy id (NCD number) when a policy is behind it.' })
  policyId!: string | null;

  @Field(() => String, { nullable: true, description: 'The entry as the policy lists it, or the note text.' })
  listedAs!: string | null;

  @Field(() => String, { nullable: true, description: 'The code the fact is about (the diagnosis of a listing, the code carrying a note).' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: "The other end: a note's target code or category, a pairing's procedure." })
  target!: string | null;

  @Field(() => String, { description: 'The fact in words.' })
  detail!: string;

  @Field(() => String, { nullable: true, description: 'The CMS file an NCCI edit comes from (ccipra-v321r0-f1.txt).' })
  sourceFile?: string | null;

  @Field(() => String, { nullable: true, description: 'The version of that file (32.1r0 for PTP, the effective date or quarter for MUE).' })
  fileVersion?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date the edit took effect (ISO date).' })
  effectiveFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The deletion date of a PTP edit (ISO date; null when it is in force).' })
  effectiveTo?: string | null;
}

@ObjectType('ClaimFinding')
export class ClaimFinding {
  @Field(() => FindingCode)
  code!: FindingCode;

  @Field(() => Severity)
  severity!: Severity;

  @Field(() => String)
  message!: string;

  @Field(() => [Evidence])
  evidence!: Evidence[];
}

@ObjectType('ClaimLineResult')
export class ClaimLineResult {
  @Field(() => Int, { description: '1-based line number.' })
  line!: number;

  @Field(() => String, { description: 'The procedure as given.' })
  procedure!: string;

  @Field(() => [String], { description: 'The diagnoses the line points to, as given.' })
  diagnoses!: string[];

  @Field(() => Int, { description: 'The units of service checked.' })
  units!: number;

  @Field(() => [String], { description: 'The modifiers of the line, upper case.' })
  modifiers!: string[];

  @Field(() => [ClaimFinding])
  findings!: ClaimFinding[];

  @Field(() => ClaimOutcome)
  outcome!: ClaimOutcome;

  @Field(() => String, { description: "The line's result in one sentence." })
  summary!: string;
}

@ObjectType('ClaimValidation', { description: "A claim check: claim-level findings (diagnoses, Excludes1 conflicts) and each line's findings." })
export class ClaimValidation {
  @Field(() => ClaimSetting, { description: 'The setting checked (PROFESSIONAL when the claim gave none).' })
  setting!: ClaimSetting;

  @Field(() => String, { nullable: true, description: 'The state whose LCD articles were applied, or null when the claim gave none.' })
  state!: string | null;

  @Field(() => DateScalar, { description: 'The date of service checked: the one the claim gave, else the defaultDate rule.' })
  dateOfService!: string;

  @Field(() => Boolean, { description: 'Whether the claim gave the date (false: dateOfService is the defaultDate rule).' })
  dateOfServiceGiven!: boolean;

  @Field(() => [ClaimFinding])
  findings!: ClaimFinding[];

  @Field(() => [ClaimLineResult])
  lines!: ClaimLineResult[];

  @Field(() => ClaimOutcome, { description: "The worst outcome of the claim's own findings and of its lines." })
  outcome!: ClaimOutcome;

  @Field(() => String, { description: "The claim's result in one sentence." })
  summary!: string;
}
