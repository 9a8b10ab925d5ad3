import { IsNotEmpty, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType('AddPairingInput', { description: 'A curated pairing: this diagnosis justifies this procedure, says this source.' })
export class AddPairingInput {
  @Field(() => String, { description: 'ICD-10-CM code of the loaded release (E11.9).' })
  @MaxLength(16)
  diagnosis!: string;

  @Field(() => String, { description: 'CPT, HCPCS or ICD-10-PCS code of a loaded release.' })
  @MaxLength(16)
  procedure!: string;

  @Field(() => String, { description: 'Where it comes from: a guideline, a payer bulletin, a study (1 to 500 characters).' })
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @Field(() => String, { nullable: true, description: 'Why (at most 2,000 characters).' })
  @MaxLength(2000)
  rationale?: string | null;
}
