import { registerEnumType } from 'type-graphql';

export enum SystemScope {
  US_ONLY = 'US_ONLY',
  INTERNATIONAL = 'INTERNATIONAL',
}
registerEnumType(SystemScope, { name: 'SystemScope', description: 'Where a code system is used.' });
