import { ArrayMaxSize, ArrayMinSize, IsArray, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { ClaimSetting } from './claim-setting.enum';

/**
 * Limits of a professional claim (837P / CMS-1500): 12 diagnoses, 4 pointers and 4 modifiers per
 * line, 50 lines; units from 1 to 9,999 per line (checked by the claim service, which names the line).
 */
export const CLAIM_LIMITS = { diagnoses: 12, pointers: 4, modifiers: 4, lines: 50, units: 9999 } as const;

@InputType('ClaimLineInput', { description: 'One service line: the procedure and the claim diagnoses it points to.' })
export class ClaimLineInput {
  @Field(() => String, { description: 'CPT, HCPCS or ICD-10-PCS code, with or without the dot.' })
  @MaxLength(16)
  procedure!: string;

  @Field(() => [Int], { description: '1-based positions in ClaimInput.diagnoses, as on a professional claim (at most 4).' })
  @IsArray()
  @ArrayMaxSize(CLAIM_LIMITS.pointers)
  @Min(1, { each: true })
  @Max(CLAIM_LIMITS.diagnoses, { each: true })
  diagnosisPointers!: number[];

  @Field(() => Int, {
    defaultValue: 1,
    description: `Units of service on the line (default 1), from 1 to ${CLAIM_LIMITS.units}: checked against the MUE of the code in the claim's setting.`,
  })
  units!: number;

  @Field(() => [String], {
    defaultValue: [],
    description:
      'Modifiers of the line (at most 4, e.g. 59, XS, LT): each must be a loaded HCPCS Level II modifier or a CPT modifier number. An NCCI-associated one bypasses a PTP edit of indicator 1.',
  })
  @IsArray()
  @ArrayMaxSize(CLAIM_LIMITS.modifiers)
  @MaxLength(8, { each: true })
  modifiers!: string[];
}

@InputType('ClaimInput', { description: 'A claim to check: its setting, date of service, diagnoses and service lines.' })
export class ClaimInput {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of service (YYYY-MM-DD). Omitted: code validity dates are not checked and policies are read as of today.',
  })
  dateOfService?: string | null;

  @Field(() => ClaimSetting, {
    defaultValue: ClaimSetting.PROFESSIONAL,
    description:
      "Where the services were given (default PROFESSIONAL, a practitioner's claim): decides the code set its procedures must use (ICD-10-PCS inpatient, CPT/HCPCS otherwise) and the NCCI PTP and MUE tables that apply.",
  })
  setting!: ClaimSetting;

  @Field(() => String, {
    nullable: true,
    description:
      'The state or territory of the service, a two-letter abbreviation such as "NY": selects the LCD billing articles of the contractors serving it (LCD_NOT_COVERED, LCD_GROUP_INCOMPLETE). Omitted: no LCD is applied, since an LCD binds only in its contractors\' states.',
  })
  @MaxLength(16)
  state?: string | null;

  @Field(() => [String], { description: 'ICD-10-CM codes, in claim order (at most 12).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CLAIM_LIMITS.diagnoses)
  @MaxLength(16, { each: true })
  diagnoses!: string[];

  @Field(() => [ClaimLineInput], { description: 'Service lines (at most 50).' })
  @IsArray()
  @ArrayMaxSize(CLAIM_LIMITS.lines)
  @ValidateNested({ each: true })
  lines!: ClaimLineInput[];
}
