/** Code systems: what a code says on a claim, where a system is used, how two systems relate. */

export enum CodeRole {
  DIAGNOSIS = 'DIAGNOSIS',
  PROCEDURE = 'PROCEDURE',
}

export enum SystemScope {
  US_ONLY = 'US_ONLY',
  INTERNATIONAL = 'INTERNATIONAL',
}

export enum SystemRelation {
  SAME = 'SAME',
  ADAPTATION = 'ADAPTATION',
  COMPLEMENTARY = 'COMPLEMENTARY',
  SAME_ROLE = 'SAME_ROLE',
}
