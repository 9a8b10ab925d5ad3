import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ClaimOutcome, FindingCode, Severity } from '../../domain/claim';

// FindingCode, Severity and ClaimOutcome are declared in src/domain/claim.ts; registered here.
export { ClaimOutcome, FindingCode, Severity };

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
  },
});

registerEnumType(Severity, { name: 'Severity', description: 'ERROR: the line or claim would be denied; WARNING: needs review; INFO: for the record.' });

registerEnumType(ClaimOutcome, { name: 'ClaimOutcome', description: 'FAIL when any ERROR finding applies, REVIEW when a WARNING does, else PASS.' });

/** The fact behind a finding: an edge, a note or a policy, named so a person can look it up. */
@ObjectType('Evidence', { description: 'The fact behind a finding.' })
export class Evidence {
  @Field(() => String, { description: 'POLICY_LISTING, POLICY_DEFAULT_RULE, CURATED_PAIRING, EXCLUDES1_NOTE, CODE, RELEASE.' })
  kind!: string;

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

  @Field(() => [ClaimFinding])
  findings!: ClaimFinding[];

  @Field(() => ClaimOutcome)
  outcome!: ClaimOutcome;

  @Field(() => String, { description: "The line's result in one sentence." })
  summary!: string;
}

@ObjectType('ClaimValidation', { description: "A claim check: claim-level findings (diagnoses, Excludes1 conflicts) and each line's findings." })
export class ClaimValidation {
  @Field(() => String, { nullable: true, description: 'The date of service checked (null when the claim gave none).' })
  dateOfService!: string | null;

  @Field(() => [ClaimFinding])
  findings!: ClaimFinding[];

  @Field(() => [ClaimLineResult])
  lines!: ClaimLineResult[];

  @Field(() => ClaimOutcome, { description: "The worst outcome of the claim's own findings and of its lines." })
  outcome!: ClaimOutcome;

  @Field(() => String, { description: "The claim's result in one sentence." })
  summary!: string;
}
