import { registerEnumType } from 'type-graphql';

export enum CodeRole {
  DIAGNOSIS = 'DIAGNOSIS',
  PROCEDURE = 'PROCEDURE',
}
registerEnumType(CodeRole, {
  name: 'CodeRole',
  description: 'What a code says on a claim: why (a diagnosis) or what was done (a procedure, service or supply).',
});
