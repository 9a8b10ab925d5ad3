import { registerEnumType } from 'type-graphql';
import { AuditAction } from '../../domain/pairing';

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'A change to a curated pairing.',
  valuesConfig: {
    ADD: { description: 'The pairing was added (detail: the rationale).' },
    RETIRE: { description: 'The pairing was retired (detail: the reason).' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { AuditAction };
