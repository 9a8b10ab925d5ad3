import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class CategoryCodesArgs {
  @Field(() => Int, { defaultValue: 100, description: 'How many codes at most (1 to 1000).' })
  @Min(1)
  @Max(1000)
  first: number = 100;
}
