import { registerEnumType } from 'type-graphql';

export enum Verdict {
  SUPPORTED = 'SUPPORTED',
  NOT_SUPPORTED = 'NOT_SUPPORTED',
  NO_POLICY = 'NO_POLICY',
}

registerEnumType(Verdict, {
  name: 'Verdict',
  description: 'Whether a diagnosis justifies a procedure on a date.',
  valuesConfig: {
    SUPPORTED: { description: 'A policy covers the procedure for the diagnosis, or (with no policy governing it) a curated pairing names the two.' },
    NOT_SUPPORTED: { description: 'A policy or the curated pairings govern the procedure, and none supports this diagnosis: the pairings say which policy says so.' },
    NO_POLICY: { description: 'No policy and no curated pairing in the graph governs the procedure: unknown, which is not the same as denied.' },
  },
});
