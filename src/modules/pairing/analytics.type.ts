import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/connection.type';
import { Category, type CategoryNode } from '../code/category.type';
import { Procedure, type CodeNode } from '../code/code.type';

@ObjectType('ProcedureJustification', { description: 'A procedure and how many loaded diagnoses justify it.' })
export class ProcedureJustification {
  @Field(() => Procedure)
  procedure!: CodeNode;

  @Field(() => Int, {
    deprecationReason: 'Use diagnosesCount: a count is named *Count, as ArticleDiagnosisGroup.diagnosesCount; diagnoses is a list elsewhere.',
  })
  diagnoses!: number;

  @Field(() => [String], { deprecationReason: 'Use governingPolicies: the Policy objects, as Procedure.policies gives them (their key is the NCD number).' })
  policies!: string[];
}

@ObjectType('ChapterCount', { description: "How many of a procedure's paired diagnoses lie in one ICD-10-CM chapter." })
export class ChapterCount {
  @Field(() => Category)
  chapter!: CategoryNode;

  @Field(() => Int, {
    deprecationReason: 'Use diagnosesCount: a count is named *Count, as ArticleDiagnosisGroup.diagnosesCount; diagnoses is a list elsewhere.',
  })
  diagnoses!: number;
}

@ObjectType('ProcedureOverlap', {
  description:
    'Another procedure sharing justifying diagnoses with this one. Overlap is the Jaccard index of the two sets of justifying diagnoses: shared / (in either).',
})
export class ProcedureOverlap {
  @Field(() => Procedure)
  procedure!: CodeNode;

  @Field(() => Int, { description: 'Diagnoses that justify both.' })
  shared!: number;

  @Field(() => Float, { description: 'Jaccard index, 0 to 1: shared / diagnoses justifying either.' })
  jaccard!: number;

  @Field(() => Int, {
    deprecationReason: 'Use diagnosesCount: a count is named *Count, as ArticleDiagnosisGroup.diagnosesCount; diagnoses is a list elsewhere.',
  })
  diagnoses!: number;
}

@ObjectType('ProcedureJustificationEdge')
export class ProcedureJustificationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ProcedureJustification)
  node!: ProcedureJustification;
}

@ObjectType('ProcedureJustificationConnection', { description: 'One page of the procedure ranking, with the number of procedures ranked.' })
export class ProcedureJustificationConnection {
  @Field(() => [ProcedureJustificationEdge])
  edges!: ProcedureJustificationEdge[];

  @Field(() => [ProcedureJustification])
  nodes!: ProcedureJustification[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many procedures are ranked in all pages.' })
  totalCount!: number;
}

@ObjectType('ProcedureOverlapEdge')
export class ProcedureOverlapEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ProcedureOverlap)
  node!: ProcedureOverlap;
}

@ObjectType('ProcedureOverlapConnection', { description: 'One page of the procedures that overlap one, with how many do.' })
export class ProcedureOverlapConnection {
  @Field(() => [ProcedureOverlapEdge])
  edges!: ProcedureOverlapEdge[];

  @Field(() => [ProcedureOverlap])
  nodes!: ProcedureOverlap[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many procedures overlap it in all pages.' })
  totalCount!: number;
}
