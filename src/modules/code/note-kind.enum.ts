import { registerEnumType } from 'type-graphql';

export enum NoteKind {
  EXCLUDES1 = 'EXCLUDES1',
  EXCLUDES2 = 'EXCLUDES2',
  CODE_FIRST = 'CODE_FIRST',
  USE_ADDITIONAL = 'USE_ADDITIONAL',
  CODE_ALSO = 'CODE_ALSO',
}
registerEnumType(NoteKind, {
  name: 'NoteKind',
  description: 'ICD-10-CM tabular instructional notes that tie codes together.',
  valuesConfig: {
    EXCLUDES1: { description: 'NOT CODED HERE: the two conditions are never coded together.' },
    EXCLUDES2: { description: 'Not included here: the patient may have both, and both may be coded.' },
    CODE_FIRST: { description: 'Code first: the underlying condition named is sequenced before this (manifestation) code.' },
    USE_ADDITIONAL: { description: 'Use additional code: add the code named to give the full picture (etiology, organism, status).' },
    CODE_ALSO: { description: 'Code also: a second code may be needed; sequencing depends on the encounter.' },
  },
});
