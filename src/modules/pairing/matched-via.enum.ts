import { registerEnumType } from 'type-graphql';
import { MatchedVia } from '../../domain/pairing';

registerEnumType(MatchedVia, {
  name: 'MatchedVia',
  description: "How a pairing's diagnosis was reached from what the policy lists.",
  valuesConfig: {
    CODE: { description: 'The policy lists this very code.' },
    RANGE: { description: 'The code lies in a listed range, in tabular order (listedAs shows the range, e.g. E785-E786).' },
    CATEGORY: { description: 'The policy lists a code that is now a header; this code is under it (the list predates the codes that split it).' },
    DEFAULT_RULE: { description: 'The policy does not list the code: its rule for every code not listed decides (listedAs @@@@@@@).' },
    CURATED: { description: 'A curated pairing names the two codes.' },
  },
});

// The enum is declared in src/domain (no framework there); this file only registers it with type-graphql.
export { MatchedVia };
