import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { Node } from '../node/node.type';

@ObjectType({ description: "A code that a release's addenda delete: it is not valid in that release." })
export class DeletedCode {
  @Field(() => String, { description: 'The code as Code.code writes it, with the dot of its system (E11.9). Until issue 18 it came as the addenda write it.' })
  code!: string;

  @Field(() => String, { description: 'The code exactly as the addenda file lists it (E119).' })
  listedAs!: string;

  @Field(() => String, { description: 'Its title in the previous release.' })
  display!: string;
}

/** A release as the repository returns it. */
export interface ReleaseNode {
  id: string;
  system: CodeSystemId;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  status: string;
  codeCount: number;
  previousVersion: string | null;
  addedCount: number | null;
  revisedCount: number | null;
  deleted: DeletedCode[];
  files: string[];
}

@ObjectType({ implements: Node, description: 'One published version of a code system (ICD-10-CM FY2026, HCPCS October 2025), with what its addenda changed.' })
export class Release {
  @Field(() => String, { name: 'key', description: 'Readable key, "ICD10CM:2026": system and version. Until the Node ids this was `id`.' })
  id!: string;

  @Field(() => CodeSystemId, { deprecationReason: 'Use systemId: the CodeSystemId enum, as on Code, where system is the CodeSystem object.' })
  system!: CodeSystemId;

  @Field(() => String, { description: 'Fiscal year ("2026") or quarter ("2025-10").' })
  version!: string;

  @Field(() => DateScalar, { description: 'First day it applies to.' })
  effectiveFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day it applies to (ISO date); null when open-ended.' })
  effectiveTo!: string | null;

  @Field(() => String, { description: 'Where its codes came from.' })
  source!: string;

  @Field(() => [String], { description: 'The official files it was loaded from.' })
  files!: string[];

  @Field(() => Int, { description: 'How many codes (headers included) are valid in it.' })
  codeCount!: number;

  @Field(() => String, { nullable: true, description: 'The version its addenda compare against ("2025").' })
  previousVersion!: string | null;

  @Field(() => Int, { nullable: true, description: 'Codes its addenda add; null when no addenda were loaded.' })
  addedCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Codes whose title its addenda revise.' })
  revisedCount!: number | null;

  @Field(() => [DeletedCode], {
    description:
      'Codes its addenda delete (no longer valid from this release), written with the dot as Code.code is; empty when it deletes none or no addenda were loaded (addedCount is null then).',
  })
  deleted!: DeletedCode[];
}

@ObjectType({ description: "A title change recorded by a release's addenda." })
export class Revision {
  @Field(() => Release)
  release!: Release;

  @Field(() => String, { description: 'The title before.' })
  from!: string;

  @Field(() => String, { description: 'The title after.' })
  to!: string;
}
