import { Field, ID, InterfaceType } from 'type-graphql';

/** Where node() and nodes() put the GraphQL type of what they found (their values come from many repositories). */
export const NODE_TYPENAME = Symbol('nodeTypename');

export type TaggedNode = Record<PropertyKey, unknown> & { [NODE_TYPENAME]: string };

export function tagNode<T extends object>(value: T, typename: string): T & TaggedNode {
  return { ...value, [NODE_TYPENAME]: typename };
}

@InterfaceType('Node', {
  description:
    'An entity with a global id (the GraphQL Global Object Identification spec): node(id:) finds it again. ' +
    'An id is base64 of "<Type>:<key>" (graphql-relay\'s toGlobalId): "Code:ICD10CM:E11.9", "Category:ICD10CM:E08-E13", "Release:ICD10CM:2026", "Policy:190.23B", ' +
    'the same across restarts and imports. Clients normalise by __typename and id; treat ids as opaque.',
  resolveType: (value: TaggedNode) => value[NODE_TYPENAME],
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: base64 of "<Type>:<key>". Stable across restarts and imports; node(id:) finds the entity again.' })
  id!: string;
}
