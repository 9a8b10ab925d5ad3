import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { Diagnosis, Procedure, type CodeNode } from '../code/code.type';
import { Pairing, type PairingNode } from './pairing.type';
import { Verdict } from './verdict.enum';

@ObjectType('PairingCheck', { description: 'Whether a diagnosis justifies a procedure on a date, and why.' })
export class PairingCheck {
  @Field(() => Verdict)
  verdict!: Verdict;

  @Field(() => Diagnosis)
  diagnosis!: CodeNode;

  @Field(() => Procedure)
  procedure!: CodeNode;

  @Field(() => DateScalar, { description: 'The date the policies were read on: the date of service given, else the defaultDate rule.' })
  date!: string;

  @Field(() => [Pairing], { description: "The pairings behind the verdict: each policy's listing or default rule, and curated pairings." })
  pairings!: PairingNode[];

  @Field(() => [String], { description: 'The verdict in words, one sentence per policy or pairing considered.' })
  reasons!: string[];
}
