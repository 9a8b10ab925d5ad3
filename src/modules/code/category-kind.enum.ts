import { registerEnumType } from 'type-graphql';

export enum CategoryKind {
  CHAPTER = 'CHAPTER',
  BLOCK = 'BLOCK',
  CPT_CATEGORY = 'CPT_CATEGORY',
  SECTION = 'SECTION',
  SUBSECTION = 'SUBSECTION',
  BODY_SYSTEM = 'BODY_SYSTEM',
  ROOT_OPERATION = 'ROOT_OPERATION',
}
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
