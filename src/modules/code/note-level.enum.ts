import { registerEnumType } from 'type-graphql';

/** Where an instructional note is stated, seen from the code it applies to. */
export enum NoteLevel {
  CODE = 'CODE',
  ANCESTOR = 'ANCESTOR',
  BLOCK = 'BLOCK',
  CHAPTER = 'CHAPTER',
}
registerEnumType(NoteLevel, {
  name: 'NoteLevel',
  description: 'Where a tabular note is stated: a note stated above a code applies to every code below it.',
  valuesConfig: {
    CODE: { description: 'On the code itself.' },
    ANCESTOR: { description: 'On an ancestor code (E11 for E11.9).' },
    BLOCK: { description: 'On the block holding the code (E08-E13).' },
    CHAPTER: { description: 'On the chapter holding the code (4).' },
  },
});
