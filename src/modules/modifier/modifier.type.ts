import { Field, ObjectType } from 'type-graphql';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, description: "A Level II modifier (HCPCS GA, LT, 59 is CPT's): two characters reported with a code to refine it." })
export class Modifier {
  @Field(() => String)
  code!: string;

  @Field(() => CodeSystemId)
  system!: CodeSystemId;

  @Field(() => String)
  display!: string;

  @Field(() => String, { nullable: true })
  shortDisplay!: string | null;

  @Field(() => String, { nullable: true, description: 'The date it took effect (ISO date).' })
  effectiveDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The date it ends (ISO date); null when not terminated.' })
  terminationDate!: string | null;
}
