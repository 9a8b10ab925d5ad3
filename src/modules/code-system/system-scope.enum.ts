import { registerEnumType } from 'type-graphql';
import { SystemScope } from '../../domain/code-system';

registerEnumType(SystemScope, { name: 'SystemScope', description: 'Where a code system is used.' });

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { SystemScope };
