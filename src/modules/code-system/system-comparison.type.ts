import { Field, ObjectType } from 'type-graphql';
import { SystemRelation } from './system-relation.enum';
import { CodeSystem } from './code-system.type';

@ObjectType({ description: 'One aspect of two code systems side by side.' })
export class ComparisonAspect {
  @Field(() => String, { description: 'e.g. "Purpose", "Maintained by", "Format".' })
  aspect!: string;

  @Field(() => String)
  a!: string;

  @Field(() => String)
  b!: string;

  @Field(() => Boolean)
  same!: boolean;
}

@ObjectType({ description: 'Two code systems side by side: are they the same, and how do they relate?' })
export class SystemComparison {
  @Field(() => CodeSystem)
  a!: CodeSystem;

  @Field(() => CodeSystem)
  b!: CodeSystem;

  @Field(() => Boolean, { description: 'True only when a and b are the same system.' })
  sameSystem!: boolean;

  @Field(() => SystemRelation)
  relation!: SystemRelation;

  @Field(() => String, { description: 'The answer in one or two sentences.' })
  summary!: string;

  @Field(() => [ComparisonAspect])
  aspects!: ComparisonAspect[];
}
