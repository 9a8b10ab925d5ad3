import { Field, ObjectType } from 'type-graphql';
import { Category, type CategoryNode } from './category.type';
import { Code } from './code.type';
import { NoteKind } from './note-kind.enum';

export interface NoteEdge {
  kind: NoteKind;
  text: string;
  /** The target's key; the field resolver loads it. A note names a code or a category. */
  targetSystem: string;
  targetCode: string | null;
  targetCategory: string | null;
}

@ObjectType({ description: 'An instructional note from the tabular list, with the code or category it points to.' })
export class InstructionalNote {
  @Field(() => NoteKind)
  kind!: NoteKind;

  @Field(() => String, { description: 'The note as written in the tabular list ("type 1 diabetes mellitus (E10.-)").' })
  text!: string;

  @Field(() => Code, { nullable: true, description: 'The code the note names; null when it names a category.' })
  target!: Code | null;

  @Field(() => Category, { nullable: true, description: 'The block or chapter the note names ("(E08-E13)"); null when it names a code.' })
  targetCategory!: CategoryNode | null;
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
