import { registerEnumType } from 'type-graphql';
import { Verdict } from '../../domain/pairing';

registerEnumType(Verdict, {
  name: 'Verdict',
  description: 'Whether a diagnosis justifies a procedure on a date.',
  valuesConfig: {
    SUPPORTED: { description: 'A policy covers the procedure for the diagnosis, or (with no policy governing it) a curated pairing names the two.' },
    NOT_SUPPORTED: {
      description: 'A policy or the curated pairings govern the procedure, and none supports this diagnosis: the pairings say which policy says so.',
    },
    NO_POLICY: { description: 'No policy and no curated pairing in the graph governs the procedure: unknown, which is not the same as denied.' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { Verdict };
