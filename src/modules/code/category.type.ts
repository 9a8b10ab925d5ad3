import { Field, ObjectType } from 'type-graphql';
import { CategoryKind } from './category-kind.enum';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { Node } from '../node/node.type';

export interface CategoryNode {
  id: string;
  system: CodeSystemId;
  kind: CategoryKind;
  code: string;
  title: string;
  rangeStart: string | null;
  rangeEnd: string | null;
}

@ObjectType({ implements: Node, description: 'A grouping above codes: ICD-10-CM chapter or block, CPT category or section, PCS table axis, HCPCS section.' })
export class Category {
  @Field(() => String, {
    name: 'key',
    description: 'Readable key: system and code, e.g. "ICD10CM:E08-E13" (what `chapter:` filters take). Until the Node ids this was `id`.',
  })
  id!: string;

  @Field(() => CodeSystemId, { deprecationReason: 'Use systemId: the CodeSystemId enum, as on Code, where system is the CodeSystem object.' })
  system!: CodeSystemId;

  @Field(() => CategoryKind)
  kind!: CategoryKind;

  @Field(() => String, { description: 'As the system writes it: "4", "E08-E13", "0DT", "J".' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'First code of the range it covers, where it is a range.' })
  rangeStart!: string | null;

  @Field(() => String, { nullable: true, description: 'Last code of the range it covers (inclusive).' })
  rangeEnd!: string | null;
}
