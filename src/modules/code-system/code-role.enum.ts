import { registerEnumType } from 'type-graphql';
import { CodeRole } from '../../domain/code-system';

registerEnumType(CodeRole, {
  name: 'CodeRole',
  description: 'What a code says on a claim: why (a diagnosis) or what was done (a procedure, service or supply).',
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { CodeRole };
