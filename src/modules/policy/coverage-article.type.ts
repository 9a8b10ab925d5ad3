import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { MatchedVia } from '../pairing/matched-via.enum';
import { ArticleGroupKind } from './article-group-kind.enum';

/** A diagnosis an article's group lists, as the repository returns it. */
export interface ArticleDiagnosisNode {
  code: string;
  listedAs: string;
  via: MatchedVia;
}

export interface ArticleGroupNode {
  kind: ArticleGroupKind;
  number: number;
  paragraphText: string;
  requiresGroups: number[];
  diagnoses: ArticleDiagnosisNode[];
}

export interface ArticleContractorNode {
  id: string;
  name: string;
  number: string;
  type: string | null;
  states: string[];
}

export interface CoverageArticleNode {
  id: string;
  title: string;
  version: string | null;
  lcds: string[];
  sourceFiles: string[];
  effectiveFrom: string | null;
  effectiveTo: string | null;
  fileDate: string | null;
  procedureGroups: number[];
  contractors: ArticleContractorNode[];
  groups: ArticleGroupNode[];
}

@ObjectType('ArticleDiagnosis', { description: 'A diagnosis an LCD article group lists.' })
export class ArticleDiagnosis {
  @Field(() => String, { description: 'The ICD-10-CM code, e.g. "E11.65".' })
  code!: string;

  @Field(() => String, { description: 'The entry as the article lists it: the code, or a range "R73.01-R73.09".' })
  listedAs!: string;

  @Field(() => MatchedVia, {
    description:
      'CODE (listed itself), RANGE (inside a listed range, in tabular order) or CATEGORY (under a listed header); until issue 18 a String of the same values.',
  })
  via!: MatchedVia;
}

@ObjectType('ArticleDiagnosisGroup', { description: "A covered or non-covered ICD-10-CM group of an LCD billing article, with the article's paragraph." })
export class ArticleDiagnosisGroup {
  @Field(() => ArticleGroupKind, { description: 'COVERED or NONCOVERED (until issue 18 a String of the same values).' })
  kind!: ArticleGroupKind;

  @Field(() => Int, { description: 'The group number in the article.' })
  number!: number;

  @Field(() => String, { description: "The group's paragraph, as plain text." })
  paragraph!: string;

  @Field(() => [Int], {
    description:
      'Covered groups: the other groups a diagnosis must also come from (read from the paragraph, e.g. "together with a secondary diagnosis from Group 2"); empty when one diagnosis of this group is enough.',
  })
  requiresGroups!: number[];

  @Field(() => Int, { description: 'How many diagnoses the group lists (codes reached by its entries).' })
  diagnosesCount!: number;
}

@ObjectType('ArticleContractor', { description: 'A Medicare contractor (MAC) that administers an LCD article, with the states it serves.' })
export class ArticleContractor {
  @Field(() => String, { description: 'The MCD contractor id and type, e.g. "501-1".' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The contractor number, e.g. "13202".' })
  number!: string;

  @Field(() => String, { nullable: true, description: 'The contractor type, e.g. "A and B MAC".' })
  type!: string | null;

  @Field(() => [String], { description: 'The states of its jurisdiction on the date asked, by abbreviation.' })
  states!: string[];
}

@ObjectType('CoverageArticle', {
  description: 'An LCD billing article of the Medicare Coverage Database (policy kind LCD_ARTICLE) that governs a procedure code.',
})
export class CoverageArticle {
  @Field(() => String, { description: 'The article id, e.g. "A59001".' })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'The article version.' })
  version!: string | null;

  @Field(() => [String], { description: 'The LCDs the article belongs to, e.g. "L39001".' })
  lcds!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'In force from (ISO date).' })
  effectiveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'In force until (ISO date); null when open.' })
  effectiveTo!: string | null;

  @Field(() => [String], { description: 'The download it was read from, e.g. "current_article.zip".' })
  sourceFiles!: string[];

  @Field(() => DateScalar, { nullable: true, description: "The download's date: the latest last_updated of its articles (ISO date)." })
  fileDate!: string | null;

  @Field(() => [Int], { description: "The article's procedure groups (hcpc_code_group) that list this code." })
  procedureGroups!: number[];

  @Field(() => [ArticleContractor])
  contractors!: ArticleContractor[];

  @Field(() => [String], { description: "Every state the article's contractors serve on the date, by abbreviation." })
  states!: string[];
}
