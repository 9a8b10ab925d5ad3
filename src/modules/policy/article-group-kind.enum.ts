import { registerEnumType } from 'type-graphql';
import { ArticleGroupKind } from '../../domain/pairing';

registerEnumType(ArticleGroupKind, {
  name: 'ArticleGroupKind',
  description: "An LCD billing article's ICD-10-CM group.",
  valuesConfig: {
    COVERED: { description: 'Diagnoses that support the procedure codes.' },
    NONCOVERED: { description: 'Diagnoses that do not support medical necessity.' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { ArticleGroupKind };
