import { ArrayMaxSize, ArrayMinSize, IsArray, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';

/** Limits of a professional claim (837P / CMS-1500): 12 diagnoses, 4 pointers per line, 50 lines. */
export const CLAIM_LIMITS = { diagnoses: 12, pointers: 4, lines: 50 } as const;

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
}

@InputType('ClaimInput', { description: 'A claim to check: its diagnoses and its service lines.' })
export class ClaimInput {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of service (YYYY-MM-DD). Omitted: code validity dates are not checked and policies are read as of today.',
  })
  dateOfService?: string | null;

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
