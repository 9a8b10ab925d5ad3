import { NOTE_FIELDS, NOTE_LABEL, STATUS_LABEL, type CodeDetail, type CodeRef, type PairingNode, type PairingStatus } from './types';

/** At most this many codes of one group (children, one policy's diagnoses...) are drawn at a time. */
export const GROUP_CAP = 12;

export type NodeKind = 'code' | 'category' | 'system' | 'organization' | 'policy' | 'more';

export interface NodeData {
  id: string;
  label: string;
  kind: NodeKind;
  title: string;
  system?: string;
  code?: string;
  /** Compound parent (a policy group). */
  parent?: string;
  hub?: boolean;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  relation: string;
}

/** A group of codes drawn with a cap, and how to draw the rest: "N more" loads the next page. */
export interface PairingGroup {
  /** Policy key, or null for curated pairings (or for a diagnosis's pairings of several policies). */
  policy: { key: string; title: string } | null;
  status: PairingStatus[] | null;
  /** All pairings of the group; null when unknown (a diagnosis's pairings, grouped here page by page). */
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
  nodes: PairingNode[];
}

export interface Elements {
  nodes: NodeData[];
  edges: EdgeData[];
  /** "N more" nodes and what they stand for. */
  more: MoreSpec[];
}

export type MoreSpec =
  | { id: string; kind: 'children'; hub: string; rest: CodeRef[] }
  | {
      id: string;
      kind: 'pairings';
      hub: string;
      hubCode: CodeRef;
      direction: 'justifiedBy' | 'justifies';
      group: string | null;
      policy: string | null;
      status: PairingStatus[] | null;
      after: string | null;
      remaining: number;
    };

export const codeNodeId = (c: { systemId: string; code: string }): string => `code:${c.systemId}:${c.code}`;

export function codeNode(c: CodeRef, extra: Partial<NodeData> = {}): NodeData {
  return { id: codeNodeId(c), label: c.code, kind: 'code', title: c.display, system: c.systemId, code: c.code, ...extra };
}

function edge(source: string, target: string, relation: string, label: string = relation): EdgeData {
  return { id: `${source}->${target}:${relation}`, source, target, label, relation };
}

export function moreLabel(remaining: number): string {
  return `${remaining.toLocaleString('en-US')} more`;
}

function statusWord(status: PairingStatus[] | null, fallback: PairingNode[]): string {
  const statuses = status ?? [...new Set(fallback.map((p) => p.status))];
  if (statuses.length === 0) return 'justifies';
  return statuses.map((s) => STATUS_LABEL[s].toLowerCase()).join(' / ');
}

/** A code's neighbourhood: parent, children, note targets, system and maintainer, pairings grouped by policy. */
export function neighbourhood(detail: CodeDetail, groups: PairingGroup[], rest?: { totalCount: number; shown: number; endCursor: string | null }): Elements {
  const hub = codeNodeId(detail);
  const nodes: NodeData[] = [codeNode(detail, { hub: true })];
  const edges: EdgeData[] = [];
  const more: MoreSpec[] = [];

  if (detail.parent) {
    nodes.push(codeNode(detail.parent));
    edges.push(edge(hub, codeNodeId(detail.parent), 'parent'));
  }
  const shown = detail.children.slice(0, GROUP_CAP);
  for (const child of shown) {
    nodes.push(codeNode(child));
    edges.push(edge(hub, codeNodeId(child), 'child'));
  }
  if (detail.children.length > shown.length) {
    const id = `more:${hub}:children`;
    const rest = detail.children.slice(shown.length);
    nodes.push({
      id,
      label: moreLabel(rest.length),
      kind: 'more',
      title: `${rest.length} more children of ${detail.code}: click to draw the next ${GROUP_CAP}`,
    });
    edges.push(edge(hub, id, 'child'));
    more.push({ id, kind: 'children', hub, rest });
  }

  for (const field of NOTE_FIELDS) {
    // Targets of the notes stated on the code or a code above it; a block's or chapter's notes are
    // listed in the panel, not drawn (they would crowd the graph).
    for (const note of (detail[field] ?? []).filter((n) => n.level === 'CODE' || n.level === 'ANCESTOR')) {
      const label = NOTE_LABEL[note.kind];
      for (const target of note.targets) {
        nodes.push(codeNode(target));
        edges.push(edge(hub, codeNodeId(target), note.kind, label));
      }
      for (const category of note.targetCategories) {
        const id = `category:${category.key}`;
        nodes.push({ id, label: category.code, kind: 'category', title: category.title, system: detail.systemId });
        edges.push(edge(hub, id, note.kind, label));
      }
    }
  }

  const systemId = `system:${detail.system.systemId}`;
  nodes.push({ id: systemId, label: detail.system.shortName, kind: 'system', title: detail.system.name, system: detail.system.systemId });
  edges.push(edge(hub, systemId, 'in system'));
  for (const org of detail.system.maintainedBy) {
    const id = `organization:${org.key}`;
    nodes.push({ id, label: org.abbreviation, kind: 'organization', title: org.name });
    edges.push(edge(systemId, id, 'maintained by'));
  }

  const direction = detail.__typename === 'Procedure' ? 'justifiedBy' : 'justifies';
  for (const group of groups) {
    if (group.totalCount === 0 || group.nodes.length === 0) continue;
    const groupId = pairingGroupId(hub, group.policy);
    nodes.push(groupNode(groupId, group));
    edges.push(groupEdge(hub, groupId, direction, statusWord(group.status, group.nodes)));
    for (const pairing of group.nodes) nodes.push(codeNode(pairedCode(pairing, direction), { parent: groupId }));
    const remaining = (group.totalCount ?? 0) - group.nodes.length;
    if (remaining > 0) {
      const id = `more:${groupId}`;
      nodes.push({ id, label: moreLabel(remaining), kind: 'more', parent: groupId, title: `${remaining} more: click to draw the next ${GROUP_CAP}` });
      more.push({
        id,
        kind: 'pairings',
        hub,
        hubCode: detail,
        direction,
        group: groupId,
        policy: group.policy?.key ?? null,
        status: group.status,
        after: group.endCursor,
        remaining,
      });
    }
  }
  if (rest && rest.totalCount > rest.shown) {
    const id = `more:${hub}:pairings`;
    const remaining = rest.totalCount - rest.shown;
    nodes.push({ id, label: moreLabel(remaining), kind: 'more', title: `${remaining} more pairings: click to draw the next ${GROUP_CAP}` });
    edges.push(edge(hub, id, 'justifies'));
    more.push({ id, kind: 'pairings', hub, hubCode: detail, direction, group: null, policy: null, status: null, after: rest.endCursor, remaining });
  }
  return { nodes: dedupe(nodes), edges: dedupe(edges), more };
}

export const pairingGroupId = (hub: string, policy: { key: string } | null): string => `group:${hub}:${policy?.key ?? 'curated'}`;

export function pairedCode(pairing: PairingNode, direction: 'justifiedBy' | 'justifies'): CodeRef {
  return direction === 'justifiedBy' ? pairing.diagnosis : pairing.procedure;
}

export function groupNode(id: string, group: Pick<PairingGroup, 'policy' | 'status' | 'totalCount'>): NodeData {
  const title = group.policy
    ? `NCD ${group.policy.key} ${group.policy.title.length > 34 ? `${group.policy.title.slice(0, 33)}…` : group.policy.title}`
    : 'Curated pairings';
  const count = group.totalCount === null ? '' : ` (${group.totalCount.toLocaleString('en-US')})`;
  return { id, label: `${title}${count}`, kind: 'policy', title: group.policy ? `${group.policy.key} ${group.policy.title}` : title };
}

export function groupEdge(hub: string, groupId: string, direction: 'justifiedBy' | 'justifies', word: string): EdgeData {
  return direction === 'justifiedBy' ? edge(groupId, hub, 'justifies', `justifies (${word})`) : edge(hub, groupId, 'justifies', `justifies (${word})`);
}

function dedupe<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

/** Groups a diagnosis's pairings by policy (curated pairings together), keeping the order of first appearance. */
export function groupByPolicy(nodes: PairingNode[]): PairingGroup[] {
  const groups = new Map<string, PairingGroup>();
  for (const pairing of nodes) {
    const key = pairing.policy?.key ?? 'curated';
    let group = groups.get(key);
    if (!group) {
      group = { policy: pairing.policy, status: pairing.policy ? null : ['CURATED'], totalCount: null, endCursor: null, hasNextPage: false, nodes: [] };
      groups.set(key, group);
    }
    group.nodes.push(pairing);
  }
  return [...groups.values()];
}
