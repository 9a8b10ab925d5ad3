import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Code, type CodeNode } from '../modules/code/code.type';
import { encodeCursor } from './cursor';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'One code of a page, with its cursor.' })
export class CodeEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Code)
  node!: CodeNode;

  @Field(() => Float, { nullable: true, description: 'Relevance for text search (higher is better); null for code order.' })
  score!: number | null;
}

@ObjectType({ description: 'A page of codes (Relay connection) with the total count of matches.' })
export class CodeConnection {
  @Field(() => [CodeEdge])
  edges!: CodeEdge[];

  @Field(() => [Code], { description: "The page's codes, without cursors." })
  nodes!: CodeNode[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many codes match in all pages.' })
  totalCount!: number;
}

/** Page information for the items of a page starting at `offset` of `totalCount`. */
export function pageInfoOf(offset: number, edges: ReadonlyArray<{ cursor: string }>, totalCount: number): PageInfo {
  return {
    hasNextPage: offset + edges.length < totalCount,
    hasPreviousPage: offset > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}

/** Where a page starts: its offset in one list (cursor.ts listOf), whose cursors it gives out. */
export interface PagePosition {
  offset: number;
  list: string;
}

/** A connection for the page at `at`, from the page's items and the total count. */
export function toConnection(items: Array<{ node: CodeNode; score: number | null }>, { offset, list }: PagePosition, totalCount: number): CodeConnection {
  const edges = items.map((item, i) => ({ cursor: encodeCursor(offset + i, list), node: item.node, score: item.score }));
  return { edges, nodes: edges.map((e) => e.node), totalCount, pageInfo: pageInfoOf(offset, edges, totalCount) };
}

/** One page of a list the service holds whole (an in-memory ranking): its edges, nodes, page info and the list's length. */
export function pageOfList<T>(all: readonly T[], { offset, list }: PagePosition, first: number) {
  const edges = all.slice(offset, offset + first).map((node, i) => ({ cursor: encodeCursor(offset + i, list), node }));
  return { edges, nodes: edges.map((e) => e.node), totalCount: all.length, pageInfo: pageInfoOf(offset, edges, all.length) };
}
