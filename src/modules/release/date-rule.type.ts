import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';

@ObjectType({
  description:
    'The date the service uses where a date of service or asOf is left out: today when it lies in the window where the latest loaded release of every claim code set is in force, else that window\'s nearest end (see the README, "Dates").',
})
export class DefaultDate {
  @Field(() => DateScalar, { description: 'The date used.' })
  date!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the window the rule read (null: no release has dates).' })
  windowFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of that window (null: open-ended, or no release has dates).' })
  windowTo!: string | null;

  @Field(() => String, { description: 'Why this date, in words.' })
  rule!: string;
}
