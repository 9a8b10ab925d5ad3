import { registerEnumType } from 'type-graphql';
import { CategoryKind } from '../../domain/code';

registerEnumType(CategoryKind, {
  name: 'CategoryKind',
  description: 'The level of a grouping above codes.',
  valuesConfig: {
    CHAPTER: { description: 'ICD-10-CM chapter (4: Endocrine, nutritional and metabolic diseases).' },
    BLOCK: { description: 'ICD-10-CM block or section, a range of categories (E08-E13).' },
    CPT_CATEGORY: { description: 'CPT Category I, II or III.' },
    SECTION: { description: 'CPT section (Surgery 10004-69990), ICD-10-PCS section, or HCPCS letter section.' },
    SUBSECTION: { description: 'CPT subsection.' },
    BODY_SYSTEM: { description: 'ICD-10-PCS body system (0D Gastrointestinal System).' },
    ROOT_OPERATION: { description: 'ICD-10-PCS root operation, one table (0DT Resection).' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { CategoryKind };
