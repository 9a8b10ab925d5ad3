import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { MatchedVia } from './matched-via.enum';
import { Curation, Pairing, pairingId, type CurationNode, type PairingNode } from './pairing.type';
import { Policy, type PolicyNode } from './policy.type';

@Resolver(() => Pairing)
export class PairingFieldsResolver {
  @FieldResolver(() => String, {
    description:
      "Readable key: the policy, the entry and the two codes (or the curated pairing's id, what retirePairing takes). Until the Node ids this was `id`.",
  })
  key(@Root() pairing: PairingNode): string {
    return pairingId(pairing);
  }

  @FieldResolver(() => Policy, { nullable: true })
  policy(@Root() pairing: PairingNode, @Ctx() { loaders }: Context): Promise<PolicyNode | null> {
    return pairing.policyId ? loaders.policy.load(pairing.policyId) : Promise.resolve(null);
  }

  @FieldResolver(() => Curation, { nullable: true })
  curation(@Root() pairing: PairingNode): CurationNode | null {
    return pairing.curated ? { retiredAt: null, retiredBy: null, retiredReason: null, ...pairing.curated } : null;
  }

  @FieldResolver(() => MatchedVia)
  matchedVia(@Root() pairing: PairingNode): MatchedVia {
    return pairing.via;
  }
}
