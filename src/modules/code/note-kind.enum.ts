import { registerEnumType } from 'type-graphql';
import { NoteKind } from '../../domain/code';

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

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { NoteKind };
