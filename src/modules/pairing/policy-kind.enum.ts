import { registerEnumType } from 'type-graphql';
import { PolicyKind } from '../../domain/pairing';

registerEnumType(PolicyKind, {
  name: 'PolicyKind',
  description: 'What kind of coverage policy a Policy is.',
  valuesConfig: {
    NCD: { description: 'A Medicare lab National Coverage Determination (the NCD code lists).' },
    LCD_ARTICLE: { description: 'An LCD billing article of the Medicare Coverage Database: it binds in its contractors’ states only.' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { PolicyKind };
