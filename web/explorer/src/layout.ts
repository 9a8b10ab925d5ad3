import type { EdgeData, NodeData } from './neighbourhood';

export interface Point {
  x: number;
  y: number;
}

const COLUMN = 82;
const ROW = 40;
const GROUP_COLUMNS = 3;

/**
 * Places a code's neighbourhood around its hub, the same way every time: parent above, system and
 * maintainer above right, children below, note targets to the right, pairing groups (one box per
 * policy, their codes in a grid) to the left, "N more" last in its group.
 */
export function placeNeighbourhood(hub: string, nodes: NodeData[], edges: EdgeData[], centre: Point): Map<string, Point> {
  const at = new Map<string, Point>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  at.set(hub, centre);
  const out = (relation: string) =>
    edges
      .filter((e) => e.source === hub && e.relation === relation)
      .map((e) => e.target)
      .filter((id) => byId.has(id));

  for (const id of out('parent')) at.set(id, { x: centre.x, y: centre.y - 110 });
  for (const id of out('in system')) {
    at.set(id, { x: centre.x + 190, y: centre.y - 110 });
    edges
      .filter((e) => e.source === id && e.relation === 'maintained by')
      .forEach((e, i) => at.set(e.target, { x: centre.x + 330, y: centre.y - 110 + i * ROW }));
  }
  const children = out('child');
  const perRow = 6;
  children.forEach((id, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, children.length - row * perRow);
    at.set(id, { x: centre.x + ((i % perRow) - (inRow - 1) / 2) * COLUMN, y: centre.y + 110 + row * ROW });
  });
  const notes = edges.filter((e) => e.source === hub && !['parent', 'child', 'in system', 'justifies'].includes(e.relation)).map((e) => e.target);
  [...new Set(notes)].filter((id) => !at.has(id)).forEach((id, i) => at.set(id, { x: centre.x + 260, y: centre.y - 30 + i * ROW }));

  // Pairing groups to the left, stacked; a hub-level "N more" under them.
  const groups = nodes.filter((n) => n.kind === 'policy');
  let y = centre.y - Math.max(0, groups.reduce((sum, g) => sum + groupHeight(nodes, g.id), 0) / 2) + 20;
  const right = centre.x - 200;
  for (const group of groups) {
    const members = nodes.filter((n) => n.parent === group.id);
    const columns = Math.min(GROUP_COLUMNS, Math.max(1, members.length));
    members.forEach((member, i) => at.set(member.id, { x: right - (columns - 1 - (i % columns)) * COLUMN, y: y + Math.floor(i / columns) * ROW }));
    y += groupHeight(nodes, group.id);
  }
  for (const id of out('justifies')) if (!at.has(id)) at.set(id, { x: right, y: Math.max(y, centre.y + 60) });
  return at;
}

function groupHeight(nodes: NodeData[], groupId: string): number {
  const members = nodes.filter((n) => n.parent === groupId).length;
  return Math.ceil(members / GROUP_COLUMNS) * ROW + 60;
}

/** Places codes added to an existing group ("N more") under its current members. */
export function placeInGroup(existing: Point[], count: number, fallback: Point): Point[] {
  const bottom = existing.length ? Math.max(...existing.map((p) => p.y)) : fallback.y - ROW;
  const left = existing.length ? Math.min(...existing.map((p) => p.x)) : fallback.x;
  return Array.from({ length: count }, (_, i) => ({ x: left + (i % GROUP_COLUMNS) * COLUMN, y: bottom + ROW + Math.floor(i / GROUP_COLUMNS) * ROW }));
}
