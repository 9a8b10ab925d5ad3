import { Field, ObjectType } from 'type-graphql';
import { NoteKind } from './note-kind.enum';
import { Code } from './code.type';

export interface NoteEdge {
  kind: NoteKind;
  text: string;
  /** The target's key; the field resolver loads it. */
  targetSystem: string;
  targetCode: string;
}

@ObjectType({ description: 'An instructional note from the tabular list, with the code it points to.' })
export class InstructionalNote {
  @Field(() => NoteKind)
  kind!: NoteKind;

  @Field(() => String, { description: 'The note as written in the tabular list.' })
  text!: string;

  @Field(() => Code, { nullable: true, description: 'The code the note names.' })
  target!: Code | null;
}
