import { ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { PairingStatus } from './pairing-status.enum';

/** Filters of justifiedBy and justifies; the CSV export takes the same ones as query parameters. */
@ArgsType()
export class PairingFilterArgs {
  @Field(() => [PairingStatus], {
    nullable: true,
    description: 'Only these statuses. Default: COVERED and CURATED, the pairings that justify; add DENIED or NOT_MEDICALLY_NECESSARY to see those listings.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  status?: PairingStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only this policy: its key (NCD number, e.g. "190.23B"; justifiedBy and justifies also take an LCD article id, e.g. "A59003") or its global id (Policy.id).',
  })
  @IsOptional()
  @MaxLength(64)
  policy?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only paired codes under this category: a Category key ("ICD10CM:4", "ICD10CM:E08-E13", "HCPCS:G") or id; justifiedBy also takes a bare ICD-10-CM chapter or block ("4", "E08-E13").',
  })
  @IsOptional()
  @MaxLength(64)
  chapter?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Only paired codes that can be reported (no headers, no retired codes).' })
  billableOnly: boolean = false;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Only what is in force on this date (policy listings, rules, governed codes). Default: the defaultDate rule (today when it lies in the loaded releases' window).",
  })
  @IsOptional()
  asOf?: string | null;
}

/** justifiedBy and justifies (and their CSV export): the filters, and the state whose LCD articles count. */
@ArgsType()
export class PairingListArgs extends PairingFilterArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'A state or territory abbreviation ("NY"): the LCD billing articles of the contractors serving it on the date then count beside the NCDs, as in checkPairing. ' +
      "Without it only NCDs (and an article `policy` names) are read: an LCD binds only in its contractors' states.",
  })
  @IsOptional()
  @MaxLength(16)
  state?: string | null;
}
