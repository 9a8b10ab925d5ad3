import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { CodeSystemId } from '../code-system/code-system-id.enum';

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

export interface CategoryNode {
  id: string;
  system: CodeSystemId;
  kind: CategoryKind;
  code: string;
  title: string;
  rangeStart: string | null;
  rangeEnd: string | null;
}

@ObjectType({ description: 'A grouping above codes: ICD-10-CM chapter or block, CPT category or section, PCS table axis, HCPCS section.' })
export class Category {
  @Field(() => String, { description: 'Stable id: system and code, e.g. "ICD10CM:E08-E13".' })
  id!: string;

  @Field(() => CodeSystemId)
  system!: CodeSystemId;

  @Field(() => CategoryKind)
  kind!: CategoryKind;

  @Field(() => String, { description: 'As the system writes it: "4", "E08-E13", "0DT", "J".' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'First code of the range it covers, where it is a range.' })
  rangeStart!: string | null;

  @Field(() => String, { nullable: true, description: 'Last code of the range it covers (inclusive).' })
  rangeEnd!: string | null;
}
