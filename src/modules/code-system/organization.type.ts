import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A body that maintains code systems (AMA, WHO, CDC/NCHS, CMS).' })
export class Organization {
  @Field(() => String, { name: 'key', description: 'Readable key, e.g. "CDC_NCHS". Until the Node ids this was `id`.' })
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
