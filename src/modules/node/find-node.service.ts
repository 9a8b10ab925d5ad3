import { echo } from '../../common/code-format';
import type { Loaders } from '../../context';
import { CodeSystemId } from '../../domain/code-system-id';
import { fromGlobalId, NODE_TYPES, type NodeRef } from '../../domain/node-id';
import { badUserInput } from '../../errors/errors';
import { CodeRole } from '../code-system/code-role.enum';
import type { CodeNode } from '../code/code.type';
import { pairingId } from '../pairing/pairing.type';
import { tagNode } from './node.type';

/** nodes(ids:) answers at most this many ids in one call. */
export const MAX_NODES = 100;

const SYSTEMS = new Set<string>(Object.values(CodeSystemId));

/** "ICD10CM:E11.9" -> its system and code; null when the system is not one the graph knows. */
function systemAndCode(key: string): { system: CodeSystemId; code: string } | null {
  const colon = key.indexOf(':');
  const system = key.slice(0, colon);
  return colon > 0 && SYSTEMS.has(system) ? { system: system as CodeSystemId, code: key.slice(colon + 1) } : null;
}

/** A policy pairing's key: "policy|listedAs|effectiveFrom|SYSTEM:dx|SYSTEM:px" (see pairingId). */
function pairingParts(key: string): { policy: string; diagnosis: { system: string; code: string }; procedure: { system: string; code: string } } | null {
  const parts = key.split('|');
  if (parts.length < 5) return null;
  const diagnosis = systemAndCode(parts[parts.length - 2]);
  const procedure = systemAndCode(parts[parts.length - 1]);
  return diagnosis && procedure && parts[0] ? { policy: parts[0], diagnosis, procedure } : null;
}

async function load(loaders: Loaders, ref: NodeRef): Promise<object | null> {
  switch (ref.type) {
    case 'Code': {
      const key = systemAndCode(ref.key);
      const code: CodeNode | null = key ? await loaders.code.load(key) : null;
      return code && tagNode(code, code.role === CodeRole.DIAGNOSIS ? 'Diagnosis' : 'Procedure');
    }
    case 'Category': {
      const category = await loaders.category.load(ref.key);
      return category && tagNode(category, 'Category');
    }
    case 'CodeSystem': {
      const system = SYSTEMS.has(ref.key) ? await loaders.systemById.load(ref.key as CodeSystemId) : null;
      return system && tagNode(system, 'CodeSystem');
    }
    case 'Organization': {
      const organization = await loaders.organization.load(ref.key);
      return organization && tagNode(organization, 'Organization');
    }
    case 'Release': {
      const release = await loaders.release.load(ref.key);
      return release && tagNode(release, 'Release');
    }
    case 'Policy': {
      const policy = await loaders.policy.load(ref.key);
      return policy && tagNode(policy, 'Policy');
    }
    case 'Pairing': {
      if (ref.key.startsWith('curated:')) {
        const curated = await loaders.curation.load(ref.key);
        return curated && tagNode(curated, 'Pairing');
      }
      const parts = pairingParts(ref.key);
      if (!parts) return null;
      const candidates = await loaders.listingPairings.load({
        key: ref.key,
        policy: parts.policy,
        diagnosisSystem: parts.diagnosis.system,
        diagnosisCode: parts.diagnosis.code,
        procedureSystem: parts.procedure.system,
        procedureCode: parts.procedure.code,
      });
      const pairing = candidates.find((p) => pairingId(p) === ref.key);
      return pairing ? tagNode(pairing, 'Pairing') : null;
    }
    case 'Modifier': {
      const key = systemAndCode(ref.key);
      const modifier = key ? await loaders.modifier.load(key) : null;
      return modifier && tagNode(modifier, 'Modifier');
    }
    case 'AuditEvent': {
      const event = await loaders.auditEvent.load(ref.key);
      return event && tagNode(event, 'AuditEvent');
    }
  }
}

function refOf(id: string, argument: string): NodeRef {
  const ref = fromGlobalId(id);
  if (ref) return ref;
  const expected = `a global id as an id field returns: base64 of "<Type>:<key>", Type one of ${NODE_TYPES.join(', ')}`;
  throw badUserInput(`Invalid argument ${argument}: ${echo(id)} is not an id of this service; expected ${expected}`, { argument, value: id, expected });
}

/** The entity a global id names (tagged with its GraphQL type), or null when the graph holds none. */
export function findNode(loaders: Loaders, id: string, argument: string): Promise<object | null> {
  return load(loaders, refOf(id, argument));
}

export function findNodes(loaders: Loaders, ids: readonly string[]): Promise<Array<object | null>> {
  if (ids.length > MAX_NODES) {
    const expected = `at most ${MAX_NODES} ids`;
    throw badUserInput(`Invalid argument ids: ${ids.length} ids given; expected ${expected}`, { argument: 'ids', value: ids.length, expected });
  }
  const refs = ids.map((id, i) => refOf(id, `ids[${i}]`));
  return Promise.all(refs.map((ref) => load(loaders, ref)));
}
