import { registerEnumType } from 'type-graphql';

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
