import { registerEnumType } from 'type-graphql';
import { SystemRelation } from '../../domain/code-system';

registerEnumType(SystemRelation, {
  name: 'SystemRelation',
  description: 'How two code systems relate.',
  valuesConfig: {
    SAME: { description: 'The same system compared with itself.' },
    ADAPTATION: { description: 'One adapts the other (ICD-10-CM is the US adaptation of WHO ICD-10).' },
    COMPLEMENTARY: { description: 'Different questions, used together: a procedure code says what was done, a diagnosis code says why.' },
    SAME_ROLE: { description: 'Both answer the same question, for different settings or scopes.' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { SystemRelation };
