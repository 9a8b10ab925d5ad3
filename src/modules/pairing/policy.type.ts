import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { PairingStatus } from './pairing-status.enum';
import { PolicyKind } from './policy-kind.enum';
import { Node } from '../node/node.type';

/** A policy as the repository returns it. */
export interface PolicyNode {
  id: string;
  title: string;
  kind: PolicyKind;
  version: string;
  sourceFiles: string[] | null;
  defaultStatus: PairingStatus | null;
  defaultListedAs: string | null;
  defaultEffectiveFrom: string | null;
  defaultEffectiveTo: string | null;
  listingCount: number;
  governsCount: number;
  publisher: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

@ObjectType('Policy', {
  implements: Node,
  description: 'A coverage policy (a Medicare lab NCD): the procedures it governs and the diagnoses it lists for them.',
})
export class Policy {
  @Field(() => String, {
    name: 'key',
    description:
      'Readable key: the NCD number, e.g. "190.23B" (190.20 and 190.23 are split in two by CPT code), or the LCD article id ("A59001"): what `policy:` filters and policy(id:) take. Until the Node ids this was `id`.',
  })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => PolicyKind, { description: 'NCD or LCD_ARTICLE (until issue 18 a String of the same values).' })
  kind!: PolicyKind;

  @Field(() => String, { description: 'The NCD list\'s quarter ("2022Q2") or the LCD article\'s version number ("3").' })
  version!: string;

  @Field(() => [String], { description: 'The files the list was read from.' })
  sourceFiles!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'In force from: the earliest date any of its rows takes effect (ISO date).' })
  effectiveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'In force until: the latest end, once every row has one (ISO date); null while any row is open.' })
  effectiveTo!: string | null;

  @Field(() => PairingStatus, {
    nullable: true,
    description:
      'What the policy says about every diagnosis it does not list (NOT_MEDICALLY_NECESSARY for most lab NCDs, COVERED for 190.15 Blood Counts); null when it has no such rule.',
  })
  defaultStatus!: PairingStatus | null;

  @Field(() => String, { nullable: true, description: 'The default rule\'s entry as listed ("@@@@@@@").' })
  defaultListedAs!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Default rule in force from (ISO date).' })
  defaultEffectiveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Default rule in force until (ISO date, inclusive); null when open.' })
  defaultEffectiveTo!: string | null;

  @Field(() => Int, { description: 'Diagnosis listings (entry x code reached), all dates.' })
  listingCount!: number;
}
