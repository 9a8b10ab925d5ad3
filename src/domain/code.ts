/** Codes and the groupings above them: where a code sits, the kinds of category, the tabular notes. */

export enum CodeKind {
  CATEGORY = 'CATEGORY',
  SUBCATEGORY = 'SUBCATEGORY',
  CODE = 'CODE',
}

export enum CategoryKind {
  CHAPTER = 'CHAPTER',
  BLOCK = 'BLOCK',
  CPT_CATEGORY = 'CPT_CATEGORY',
  SECTION = 'SECTION',
  SUBSECTION = 'SUBSECTION',
  BODY_SYSTEM = 'BODY_SYSTEM',
  ROOT_OPERATION = 'ROOT_OPERATION',
}

export enum NoteKind {
  EXCLUDES1 = 'EXCLUDES1',
  EXCLUDES2 = 'EXCLUDES2',
  CODE_FIRST = 'CODE_FIRST',
  USE_ADDITIONAL = 'USE_ADDITIONAL',
  CODE_ALSO = 'CODE_ALSO',
}

/** Where a note that applies to a code is stated: on the code, a code above it, its block or its chapter. */
export enum NoteLevel {
  CODE = 'CODE',
  ANCESTOR = 'ANCESTOR',
  BLOCK = 'BLOCK',
  CHAPTER = 'CHAPTER',
}
