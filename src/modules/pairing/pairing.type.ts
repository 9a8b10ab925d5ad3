import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { DateTimeScalar } from '../../common/date-time.scalar';
import { PageInfo, pageInfoOf, type PagePosition } from '../../common/connection.type';
import { encodeCursor } from '../../common/cursor';
import { Diagnosis, Procedure, type CodeNode } from '../code/code.type';
import { MatchedVia } from './matched-via.enum';
import { PairingStatus } from './pairing-status.enum';
import { Policy } from './policy.type';
import { Node } from '../node/node.type';

/** Who made a curated pairing, from where, and (once retired) who retired it. */
export interface CurationNode {
  id: string;
  source: string;
  author: string;
  rationale: string | null;
  createdAt: string;
  retiredAt?: string | null;
  retiredBy?: string | null;
  retiredReason?: string | null;
}

/** A pairing as the repositories return it; `policyId` is resolved to a Policy by a loader. */
export interface PairingNode {
  diagnosis: CodeNode;
  procedure: CodeNode;
  status: PairingStatus;
  policyId: string | null;
  listedAs: string | null;
  via: MatchedVia;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  curated: CurationNode | null;
}

@ObjectType('Curation', { description: 'The audit facts of a curated pairing.' })
export class Curation {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Where the pairing comes from (a guideline, a payer bulletin, a study).' })
  source!: string;

  @Field(() => String, { description: 'Who added it: the name the write credential belongs to.' })
  author!: string;

  @Field(() => String, { nullable: true })
  rationale!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was added (ISO date-time).' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was retired (ISO date-time); null while active.' })
  retiredAt!: string | null;

  @Field(() => String, { nullable: true })
  retiredBy!: string | null;

  @Field(() => String, { nullable: true })
  retiredReason!: string | null;
}

@ObjectType('Pairing', { implements: Node, description: 'A diagnosis and a procedure paired by a policy or a curator, with the provenance of the pairing.' })
export class Pairing {
  @Field(() => Diagnosis, { description: 'The diagnosis. A code the loaded ICD-10-CM release lacks (the list is older) comes back with retired: true.' })
  diagnosis!: CodeNode;

  @Field(() => Procedure)
  procedure!: CodeNode;

  @Field(() => PairingStatus)
  status!: PairingStatus;

  @Field(() => Policy, { nullable: true, description: 'The policy behind it; null for a curated pairing.' })
  policy!: unknown;

  @Field(() => Curation, { nullable: true, description: "The curator's facts; null for a policy pairing." })
  curation!: CurationNode | null;

  @Field(() => String, {
    nullable: true,
    description: 'The entry exactly as the policy lists it: a code (E119), a range (E785-E786) or the default rule (@@@@@@@).',
  })
  listedAs!: string | null;

  @Field(() => MatchedVia, { description: 'How the diagnosis was reached from the entry.' })
  matchedVia!: MatchedVia;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The listing (or rule) is in force from (ISO date). Null for curated pairings: they hold while active (see curation).',
  })
  effectiveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'In force until (ISO date, inclusive); null when open.' })
  effectiveTo!: string | null;
}

@ObjectType('PairingEdge')
export class PairingEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Pairing)
  node!: PairingNode;
}

@ObjectType('PairingConnection', { description: 'A page of pairings (Relay connection) with the total count.' })
export class PairingConnection {
  @Field(() => [PairingEdge])
  edges!: Array<{ cursor: string; node: PairingNode }>;

  @Field(() => [Pairing])
  nodes!: PairingNode[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => DateScalar, { description: 'The date the pairings are in force on: the asOf given, else the defaultDate rule.' })
  asOf!: string;
}

export function toPairingConnection(items: PairingNode[], { offset, list }: PagePosition, totalCount: number, asOf: string): PairingConnection {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i, list), node }));
  return { edges, nodes: items, totalCount, pageInfo: pageInfoOf(offset, edges, totalCount), asOf };
}

/** The id a pairing keeps across queries. */
export function pairingId(p: PairingNode): string {
  if (p.curated) return p.curated.id;
  return `${p.policyId}|${p.listedAs ?? ''}|${p.effectiveFrom ?? ''}|${p.diagnosis.system}:${p.diagnosis.code}|${p.procedure.system}:${p.procedure.code}`;
}
