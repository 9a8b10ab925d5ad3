import { registerEnumType } from 'type-graphql';
import { CodeKind } from '../../domain/code';

registerEnumType(CodeKind, {
  name: 'CodeKind',
  description: 'Where a code sits in its hierarchy.',
  valuesConfig: {
    CATEGORY: { description: 'A 3-character ICD-10-CM category (E11): a header, never billed itself unless it has no children.' },
    SUBCATEGORY: { description: 'An intermediate ICD-10-CM header (E11.6, S52.521): has children, not billable.' },
    CODE: { description: 'A leaf code that can be reported.' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { CodeKind };
