import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { Procedure, type CodeNode } from '../code/code.type';
import { MueAdjudication, NcciSetting, PtpModifierIndicator } from './ncci.enum';

@ObjectType('PtpEdit', {
  description:
    'An NCCI procedure-to-procedure edit of a procedure, as its CMS file states it: the two codes may not be paid together on the same date, or only with a modifier.',
})
export class PtpEdit {
  @Field(() => Int, { description: 'Which column this procedure is: 1 (paid) or 2 (denied when the edit applies).' })
  column!: number;

  @Field(() => Procedure, { description: 'The other code of the pair.' })
  other!: CodeNode;

  @Field(() => String, { description: 'The column 1 code.' })
  column1!: string;

  @Field(() => String, { description: 'The column 2 code.' })
  column2!: string;

  @Field(() => PtpModifierIndicator)
  modifierIndicator!: PtpModifierIndicator;

  @Field(() => String, { description: 'The modifier rule in words.' })
  modifierRule!: string;

  @Field(() => [String], { description: 'The NCCI-associated modifiers that bypass the edit when clinically appropriate (indicator 1 only; empty otherwise).' })
  bypassModifiers!: string[];

  @Field(() => DateScalar, { description: 'The date the edit took effect.' })
  effectiveDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The deletion date (claims dated on or after it are not subject to the edit); null while in force.' })
  deletionDate!: string | null;

  @Field(() => Boolean, { description: 'The file marks the edit as in existence before 1996.' })
  inExistenceBefore1996!: boolean;

  @Field(() => String, { description: 'The PTP edit rationale, in CMS words.' })
  rationale!: string;

  @Field(() => NcciSetting, { description: 'Practitioner (ccipra) or hospital outpatient (ccioph) edits.' })
  setting!: NcciSetting;

  @Field(() => String, { description: 'The CMS file it was read from (ccipra-v321r0-f1.txt).' })
  sourceFile!: string;

  @Field(() => String, { description: 'The version of that file (32.1r0).' })
  fileVersion!: string;
}

@ObjectType('Mue', { description: 'A medically unlikely edit: the most units of a code a provider reports for one patient on one line or date of service.' })
export class Mue {
  @Field(() => Int, { description: 'The MUE value: the most units allowed.' })
  units!: number;

  @Field(() => MueAdjudication)
  adjudication!: MueAdjudication;

  @Field(() => Int, { description: 'The adjudication indicator as CMS numbers it (1, 2, 3).' })
  adjudicationIndicator!: number;

  @Field(() => String, { description: 'The indicator in CMS words ("Date of Service Edit: Clinical").' })
  adjudicationText!: string;

  @Field(() => String, { description: 'How the units are counted, in words.' })
  adjudicationRule!: string;

  @Field(() => String, { description: 'The MUE rationale, in CMS words.' })
  rationale!: string;

  @Field(() => NcciSetting)
  setting!: NcciSetting;

  @Field(() => String, { description: 'The CMS file it was read from.' })
  sourceFile!: string;

  @Field(() => String, { description: 'The version of that file: its effective date (2026-01-01) or quarter (2026Q1).' })
  fileVersion!: string;

  @Field(() => DateScalar, { nullable: true, description: "The table's effective date, from its version." })
  effectiveDate!: string | null;
}
