import { registerEnumType } from 'type-graphql';
import { PairingStatus, JUSTIFYING } from '../../domain/pairing';

registerEnumType(PairingStatus, {
  name: 'PairingStatus',
  description: 'What a pairing says about a diagnosis for a procedure.',
  valuesConfig: {
    COVERED: { description: 'The policy covers the procedure for this diagnosis (NCD resolution 1).' },
    DENIED: { description: 'The policy denies the procedure for this diagnosis (NCD resolution 2, e.g. screening codes).' },
    NOT_MEDICALLY_NECESSARY: { description: 'The diagnosis does not support medical necessity for the procedure (NCD resolution 3).' },
    CURATED: { description: 'A curated pairing: a curator says the diagnosis justifies the procedure (no policy).' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { PairingStatus, JUSTIFYING };
