import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** How many items a list field returns (lists without cursors: rankings, overlaps). */
@ArgsType()
export class LimitArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many, 1 to 500.' })
  @Min(1)
  @Max(500)
  first: number = 20;
}
