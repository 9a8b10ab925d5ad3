import { Field, Float, Int, ObjectType } from 'type-graphql';
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
