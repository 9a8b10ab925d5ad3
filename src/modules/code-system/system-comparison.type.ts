import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { CodeSystem } from './code-system.type';

export enum SystemRelation {
  SAME = 'SAME',
  ADAPTATION = 'ADAPTATION',
  COMPLEMENTARY = 'COMPLEMENTARY',
  SAME_ROLE = 'SAME_ROLE',
}
registerEnumType(SystemRelation, {
  name: 'SystemRelation',
  description: 'How two code systems relate.',
  valuesConfig: {
    SAME: { description: 'The same system compared with itself.' },
    ADAPTATION: { description: 'One adapts the other (ICD-10-CM is the US adaptation of WHO ICD-10).' },
    COMPLEMENTARY: { description: 'Different questions, used together: a procedure code says what was done, a diagnosis code says why.' },
    SAME_ROLE: { description: 'Both answer the same question, for different settings or scopes.' },
  },
});

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
