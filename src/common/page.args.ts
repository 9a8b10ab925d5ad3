import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 500.' })
  @Min(1)
  @Max(500)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Start after this cursor (edges.cursor or pageInfo.endCursor of the previous page).' })
  after?: string | null;
}
