import type { CodeKey } from '../../common/code-format';
import { keyedLoader } from '../../common/keyed-loader';
import { codeKeyString } from '../../domain/code-key';
import type { Organization } from '../code-system/organization.type';
import type { OrganizationRepository } from '../code-system/organization.repository';
import type { CodeNode } from '../code/code.type';
import type { AuditEventNode, CuratedPairingNode, CurationRepository } from './curation.repository';
import type { ListingPairingRef, PairingRepository } from './pairing.repository';
import type { PairingNode } from './pairing.type';
import type { PolicyNode } from './policy.type';

export function createPairingLoaders(pairings: PairingRepository, organizations: OrganizationRepository, curation: CurationRepository) {
  return {
    curation: keyedLoader<string, CuratedPairingNode | null>((ids) => curation.byIds(ids), null),
    auditEvent: keyedLoader<string, AuditEventNode | null>((ids) => curation.auditEvents(ids), null),
    listingPairings: keyedLoader<ListingPairingRef, PairingNode[]>(
      (refs) => pairings.listingPairings(refs),
      [],
      (ref) => ref.key,
    ),
    governingPolicies: keyedLoader<CodeKey, string[]>((keys) => pairings.governingPolicies(keys), [], codeKeyString),
    // A handful of organizations: one read answers every id of the request.
    organization: keyedLoader<string, Organization | null>(async () => new Map((await organizations.all()).map((o) => [o.id, o])), null),
    policy: keyedLoader<string, PolicyNode | null>((ids) => pairings.policies(ids), null),
    policyGoverns: keyedLoader<string, Array<{ code: CodeNode; effectiveFrom: string | null; effectiveTo: string | null }>>((ids) => pairings.governs(ids), []),
  };
}

/** The repositories of this module, as the request context holds them. */
export interface PairingRepositories {
  pairings: PairingRepository;
  curation: CurationRepository;
}

export type PairingLoaders = ReturnType<typeof createPairingLoaders>;
