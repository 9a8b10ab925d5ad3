import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import { dateOrDefault } from '../release/date-rule.service';
import type { Context } from '../../context';
import { badUserInput } from '../../errors/errors';
import { stateAbbreviation } from '../../common/state-abbreviation';
import { Procedure, type CodeNode } from '../code/code.type';
import {
  ArticleDiagnosis,
  ArticleDiagnosisGroup,
  CoverageArticle,
  type ArticleDiagnosisNode,
  type ArticleGroupNode,
  type CoverageArticleNode,
} from './coverage-article.type';

const MAX_PAGE = 500;

@Resolver(() => Procedure)
export class ProcedureCoverageArticlesResolver {
  @FieldResolver(() => [CoverageArticle], {
    description:
      "The LCD billing articles (Medicare Coverage Database) that govern this procedure code on a date, by article id: each with its contractors, the states they serve and its diagnosis groups. With `state`, only the articles of that state's contractors. An LCD applies only in its contractors' states.",
  })
  async coverageArticles(
    @Root() code: CodeNode,
    @Arg('state', () => String, { nullable: true, description: 'A state or territory abbreviation, e.g. "NY".' }) state: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'What is in force on this date; default: the defaultDate rule.' }) asOf: string | null,
    @Ctx() context: Context,
  ): Promise<CoverageArticleNode[]> {
    const abbrev = stateAbbreviation(state, 'state');
    return context.repositories.coverageArticles.ofProcedure({ system: code.system, code: code.code }, abbrev, await dateOrDefault(asOf, context));
  }
}

@Resolver(() => CoverageArticle)
export class CoverageArticleFieldsResolver {
  @FieldResolver(() => [String])
  states(@Root() article: CoverageArticleNode): string[] {
    return [...new Set(article.contractors.flatMap((c) => c.states))].sort();
  }

  @FieldResolver(() => [ArticleDiagnosisGroup], { description: 'Its covered and non-covered ICD-10-CM groups, covered first, by number.' })
  groups(@Root() article: CoverageArticleNode): ArticleGroupNode[] {
    return [...article.groups].sort((a, b) => a.kind.localeCompare(b.kind) || a.number - b.number);
  }
}

@Resolver(() => ArticleDiagnosisGroup)
export class ArticleDiagnosisGroupResolver {
  @FieldResolver(() => String)
  paragraph(@Root() group: ArticleGroupNode): string {
    return group.paragraphText;
  }

  @FieldResolver(() => Int)
  diagnosesCount(@Root() group: ArticleGroupNode): number {
    return group.diagnoses.length;
  }

  @FieldResolver(() => [ArticleDiagnosis], { description: 'One page of the diagnoses the group lists, in tabular order.' })
  diagnoses(
    @Root() group: ArticleGroupNode,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most ${MAX_PAGE}.` }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): ArticleDiagnosisNode[] {
    if (first < 0 || first > MAX_PAGE) throw badUserInput(`first ${first} is out of range: expected 0 to ${MAX_PAGE}`, { argument: 'first', value: first });
    if (offset < 0) throw badUserInput(`offset ${offset} is out of range: expected 0 or more`, { argument: 'offset', value: offset });
    return group.diagnoses.slice(offset, offset + first);
  }
}
