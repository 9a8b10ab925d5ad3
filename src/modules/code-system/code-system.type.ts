import { Field, ObjectType } from 'type-graphql';
import { CodeRole } from './code-role.enum';
import { SystemScope } from './system-scope.enum';
import { CodeSystemId } from './code-system-id.enum';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A code set (CPT, ICD-10-CM, ...): what it is for, its format, and who maintains it.' })
export class CodeSystem {
  @Field(() => CodeSystemId, {
    name: 'systemId',
    description: 'The system as the CodeSystemId enum (what system: arguments take), as Code.systemId. Until the Node ids this was `id`.',
  })
  id!: CodeSystemId;

  @Field(() => String, { description: 'Full name, e.g. "Current Procedural Terminology".' })
  name!: string;

  @Field(() => String, { description: 'Usual short name, e.g. "ICD-10-CM".' })
  shortName!: string;

  @Field(() => CodeRole)
  role!: CodeRole;

  @Field(() => String)
  purpose!: string;

  @Field(() => String, { description: 'The question its codes answer on a claim.' })
  questionAnswered!: string;

  @Field(() => String, { description: 'How its codes are written.' })
  format!: string;

  @Field(() => String)
  exampleCode!: string;

  @Field(() => String)
  updateCadence!: string;

  @Field(() => SystemScope)
  scope!: SystemScope;

  @Field(() => String)
  primaryUse!: string;

  @Field(() => String, { description: 'Care settings where it is used.' })
  setting!: string;
}
