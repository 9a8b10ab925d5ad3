import { registerEnumType } from 'type-graphql';

export enum SystemRelation {
  SAME = 'SAME',
  ADAPTATION = 'ADAPTATION',
  COMPLEMENTARY = 'COMPLEMENTARY',
  SAME_ROLE = 'SAME_ROLE',
}
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
