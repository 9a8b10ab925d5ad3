import { Field, ObjectType } from 'type-graphql';
import { NoteKind } from './note-kind.enum';
import { NoteLevel } from './note-level.enum';

/** One target of a note as the repository reads it: a code, or a category by id. */
export interface NoteTargetKey {
  system: string;
  code: string | null;
  category: string | null;
}

/** One note as the repository reads it (cypher/code/notes.cypher). */
export interface NoteEdge {
  id: string;
  kind: NoteKind;
  text: string;
  level: NoteLevel;
  /** The code or category code it is stated on ("E11", "E08-E13", "4"). */
  statedOn: string;
  targets: NoteTargetKey[];
}

@ObjectType({
  description:
    'An instructional note of the tabular list: one note, its full text, the codes and categories it names (none, one or many) and where it is stated (the code, an ancestor, its block or chapter).',
})
export class InstructionalNote {
  /** Read by the field resolvers. */
  edge!: NoteEdge;

  @Field(() => NoteKind)
  kind!: NoteKind;

  @Field(() => String, { description: 'The note as written in the tabular list ("type 1 diabetes mellitus (E10.-)").' })
  text!: string;

  @Field(() => NoteLevel, { description: 'Where the note is stated, seen from the code asked about.' })
  level!: NoteLevel;

  @Field(() => String, { description: 'The code, block or chapter the note is stated on ("E11", "E08-E13", "4").' })
  statedOn!: string;

  @Field(() => Boolean, { description: 'True when stated above the code (an ancestor, its block or chapter) and applying to it from there.' })
  inherited!: boolean;
}

@ObjectType({ description: 'One value of the 7th character (A: initial encounter).' })
export class SevenCharacterExtension {
  @Field(() => String)
  character!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String, { description: 'The code whose tabular entry defines it (S52 for S52.521A).' })
  definedOn!: string;
}
