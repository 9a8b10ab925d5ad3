import { registerEnumType } from 'type-graphql';

export enum MatchedField {
  CODE = 'CODE',
  TITLE = 'TITLE',
  SHORT_TITLE = 'SHORT_TITLE',
  INCLUSION_TERM = 'INCLUSION_TERM',
  PCS_BODY_PART_TERM = 'PCS_BODY_PART_TERM',
}
registerEnumType(MatchedField, {
  name: 'MatchedField',
  description: 'Which text of a code a search matched.',
  valuesConfig: {
    CODE: { description: 'The code itself (the search text was shaped like a code).' },
    TITLE: { description: 'The title (long description).' },
    SHORT_TITLE: { description: 'The short title (short description).' },
    INCLUSION_TERM: {
      description:
        'An inclusion term of the ICD-10-CM tabular list: its Includes note ("high blood pressure" under I10) or inclusionTerm block ("Streptococcal sore throat" under J02.0).',
    },
    PCS_BODY_PART_TERM: { description: 'A term the ICD-10-PCS definitions send to the body part ("Vermiform appendix" for Appendix).' },
  },
});
