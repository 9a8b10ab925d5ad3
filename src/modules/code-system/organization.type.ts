import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A body that maintains code systems (AMA, WHO, CDC/NCHS, CMS).' })
export class Organization {
  @Field(() => String, { description: 'Stable id, e.g. "CDC_NCHS".' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  abbreviation!: string;

  @Field(() => String, { description: 'What kind of body it is, e.g. "US federal agency".' })
  kind!: string;

  @Field(() => String)
  country!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String)
  description!: string;
}
