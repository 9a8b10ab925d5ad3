import { registerEnumType } from 'type-graphql';

/** What a pairing says about a diagnosis for a procedure. The first three are the NCD resolution codes 1, 2, 3. */
export enum PairingStatus {
  COVERED = 'COVERED',
  DENIED = 'DENIED',
  NOT_MEDICALLY_NECESSARY = 'NOT_MEDICALLY_NECESSARY',
  CURATED = 'CURATED',
}

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

/** Statuses under which a diagnosis justifies a procedure: the default of justifiedBy and justifies. */
export const JUSTIFYING: readonly PairingStatus[] = [PairingStatus.COVERED, PairingStatus.CURATED];
