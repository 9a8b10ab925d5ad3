import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Code } from './code.type';

export enum NoteKind {
  EXCLUDES1 = 'EXCLUDES1',
  EXCLUDES2 = 'EXCLUDES2',
}
registerEnumType(NoteKind, {
  name: 'NoteKind',
  description: 'ICD-10-CM tabular instructional notes that tie codes together.',
  valuesConfig: {
    EXCLUDES1: { description: 'NOT CODED HERE: the two conditions are never coded together.' },
    EXCLUDES2: { description: 'Not included here: the patient may have both, and both may be coded.' },
  },
});

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
