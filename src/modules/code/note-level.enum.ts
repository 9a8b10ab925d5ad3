import { registerEnumType } from 'type-graphql';
import { NoteLevel } from '../../domain/code';

registerEnumType(NoteLevel, {
  name: 'NoteLevel',
  description: 'Where an instructional note is stated. A note applies to every code below where it is stated.',
  valuesConfig: {
    CODE: { description: 'On the code itself.' },
    ANCESTOR: { description: 'On a code above it (E11 for E11.9).' },
    BLOCK: { description: 'On its block (E08-E13).' },
    CHAPTER: { description: 'On its chapter (4: Endocrine, nutritional and metabolic diseases).' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { NoteLevel };
