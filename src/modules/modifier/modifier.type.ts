import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, description: "A Level II modifier (HCPCS GA, LT, 59 is CPT's): two characters reported with a code to refine it." })
export class Modifier {
  @Field(() => String)
  code!: string;

  @Field(() => CodeSystemId, { deprecationReason: 'Use systemId: the CodeSystemId enum, as on Code, where system is the CodeSystem object.' })
  system!: CodeSystemId;

  @Field(() => String)
  display!: string;

  @Field(() => String, { nullable: true })
  shortDisplay!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date it took effect (ISO date).' })
  effectiveDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date it ends (ISO date); null when not terminated.' })
  terminationDate!: string | null;
}
