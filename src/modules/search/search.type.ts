import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo, pageInfoOf, type PagePosition } from '../../common/connection.type';
import { encodeCursor } from '../../common/cursor';
import { Code, type CodeNode } from '../code/code.type';
import { MatchedField } from './matched-field.enum';
import type { SearchHit } from './search.repository';

@ObjectType({ description: 'One search result: the code, where it ranks and why, and which text matched.' })
export class SearchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Code)
  node!: CodeNode;

  @Field(() => Float, {
    description:
      'Rank score (higher is better): 100 exact code, about 90 exact title or term, about 70 every word matched, about 50 with a typo, less per extra word and code character.',
  })
  score!: number;

  @Field(() => [String], {
    description: 'Why the code ranks where it does, in words ("exact inclusion term", "1 more word in the title: other", "4-character code").',
  })
  why!: string[];

  @Field(() => String, { description: 'The text that matched: the title, a short title, an inclusion term, a PCS body-part term or the code.' })
  matchedText!: string;

  @Field(() => MatchedField)
  matchedField!: MatchedField;

  @Field(() => String, {
    nullable: true,
    description:
      'The synonym or abbreviation of the query that was expanded to find this code ("mi"), from data/search/synonyms.tsv; null when the words as typed matched.',
  })
  expandedFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'What `expandedFrom` was expanded to ("acute myocardial infarction").' })
  expandedTo!: string | null;
}

@ObjectType({ description: 'A page of search results (Relay connection), best first, with the total count of matches.' })
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => [Code], { description: "The page's codes, without cursors." })
  nodes!: CodeNode[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many codes match in all pages (text search: at most 10,000, the most it ranks).' })
  totalCount!: number;
}

export function toSearchConnection(hits: SearchHit[], { offset, list }: PagePosition, totalCount: number): SearchConnection {
  const edges = hits.map((h, i) => ({
    cursor: encodeCursor(offset + i, list),
    node: h.node,
    score: h.match.score,
    why: h.match.why,
    matchedText: h.match.matchedText,
    matchedField: h.match.matchedField as MatchedField,
    expandedFrom: h.match.expandedFrom,
    expandedTo: h.match.expandedTo,
  }));
  return { edges, nodes: edges.map((e) => e.node), totalCount, pageInfo: pageInfoOf(offset, edges, totalCount) };
}
