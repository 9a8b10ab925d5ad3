import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { fetchCode, fetchNeighbourhood, fetchPairingPage } from './graph-data';
import { placeInGroup, placeNeighbourhood, type Point } from './layout';
import {
  codeNode,
  codeNodeId,
  GROUP_CAP,
  groupEdge,
  groupNode,
  moreLabel,
  pairedCode,
  pairingGroupId,
  type EdgeData,
  type Elements,
  type MoreSpec,
  type NodeData,
} from './neighbourhood';
import type { SystemId } from './types';

export const SYSTEM_COLOURS: Record<SystemId, string> = {
  CPT: '#2563eb',
  HCPCS: '#0d9488',
  ICD10CM: '#ea580c',
  ICD10PCS: '#7c3aed',
  ICD10: '#a16207',
};

/** Node width from its label (cytoscape's width: 'label' is deprecated). */
function labelWidth(node: NodeSingular): number {
  return Math.max(30, String(node.data('label') ?? '').length * 6.8 + 16);
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'text-valign': 'center',
      'text-halign': 'center',
      color: '#fff',
      'text-outline-width': 0,
      width: labelWidth,
      height: 24,
      shape: 'round-rectangle',
      'background-color': '#64748b',
    },
  },
  ...(Object.entries(SYSTEM_COLOURS).map(([system, colour]) => ({
    selector: `node[system = "${system}"]`,
    style: { 'background-color': colour },
  })) as cytoscape.StylesheetJson),
  {
    selector: 'node[?hub]',
    style: {
      'font-size': 15,
      'font-weight': 'bold',
      height: 34,
      width: (node: NodeSingular) => labelWidth(node) * 1.35,
      'border-width': 3,
      'border-color': '#111827',
    },
  },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#111827' } },
  { selector: 'node[kind = "category"]', style: { 'background-color': '#e2e8f0', color: '#1e293b', 'border-width': 1, 'border-color': '#94a3b8' } },
  { selector: 'node[kind = "system"]', style: { shape: 'ellipse', 'background-opacity': 0.85 } },
  { selector: 'node[kind = "organization"]', style: { shape: 'hexagon', 'background-color': '#334155', height: 30 } },
  {
    selector: 'node[kind = "more"]',
    style: { 'background-color': '#fff', color: '#0f172a', 'border-width': 2, 'border-style': 'dashed', 'border-color': '#475569', 'font-weight': 'bold' },
  },
  {
    selector: 'node[kind = "policy"]',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f8fafc',
      'border-width': 1,
      'border-color': '#94a3b8',
      color: '#0f172a',
      'font-size': 12,
      'font-weight': 'bold',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      padding: '12px',
    },
  },
  { selector: ':selected', style: { 'overlay-color': '#facc15', 'overlay-opacity': 0.35 } },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      'font-size': 9,
      color: '#334155',
      'text-background-color': '#fff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      width: 1.5,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'text-rotation': 'autorotate',
    },
  },
  {
    selector: 'edge[relation = "justifies"]',
    style: { 'line-color': '#16a34a', 'target-arrow-color': '#16a34a', width: 2.5, color: '#166534', 'font-size': 11 },
  },
  {
    selector: 'edge[relation = "EXCLUDES1"], edge[relation = "EXCLUDES2"]',
    style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', 'line-style': 'dashed' },
  },
];

export interface GraphCallbacks {
  open: (code: { code: string; systemId: string }) => void;
  select: (node: NodeData | null) => void;
  /** A click could not be answered (the service refused or failed). */
  error: (message: string) => void;
}

/** The neighbourhood graph: a click on a code expands it, a click on "N more" draws the next page, a double click opens the code. */
export class GraphView {
  readonly cy: Core;
  private readonly more = new Map<string, MoreSpec>();
  private readonly expanded = new Set<string>();
  private busy = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: GraphCallbacks,
  ) {
    this.cy = cytoscape({ container, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false });
    this.cy.on('tap', 'node', (event) => void this.onTap(event.target as NodeSingular));
    this.cy.on('dbltap', 'node[kind = "code"]', (event) => {
      const data = (event.target as NodeSingular).data() as NodeData;
      this.callbacks.open({ code: data.code!, systemId: data.system! });
    });
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) this.callbacks.select(null);
    });
    // The panel gets its final size after the first draw (the panels beside it load later): a drawing
    // fitted to the old size leaves nodes outside it and clicks landing beside them. Refit on resize.
    new ResizeObserver(() => {
      this.cy.resize();
      this.cy.fit(undefined, 24);
    }).observe(container);
  }

  /** Draws one code's neighbourhood, replacing what was drawn. */
  async show(elements: Elements): Promise<void> {
    this.cy.elements().remove();
    this.more.clear();
    this.expanded.clear();
    const hub = elements.nodes.find((n) => n.hub);
    const at = hub ? placeNeighbourhood(hub.id, elements.nodes, elements.edges, { x: 0, y: 0 }) : new Map<string, Point>();
    this.add(elements, at);
    if (hub) this.expanded.add(hub.id);
    this.cy.fit(undefined, 24);
    this.publish();
  }

  private add(elements: { nodes: NodeData[]; edges: EdgeData[]; more?: MoreSpec[] }, at: Map<string, Point>): void {
    const fresh: ElementDefinition[] = [];
    for (const node of elements.nodes) {
      if (this.cy.getElementById(node.id).nonempty()) continue;
      const data = { ...node };
      if (data.parent && this.cy.getElementById(data.parent).empty() && !elements.nodes.some((n) => n.id === data.parent)) delete data.parent;
      const position = at.get(node.id);
      fresh.push({ group: 'nodes', data, ...(position ? { position: { ...position } } : {}) });
    }
    for (const e of elements.edges) {
      if (this.cy.getElementById(e.id).nonempty()) continue;
      fresh.push({ group: 'edges', data: { ...e } });
    }
    // Compound parents first, so children can name them.
    fresh.sort((a, b) => rank(a) - rank(b));
    this.cy.add(fresh);
    for (const spec of elements.more ?? []) this.more.set(spec.id, spec);
  }

  /**
   * Moves a new neighbourhood, as one block, next to what is drawn: to the side of the graph's
   * bounding box nearest the expanded node, level with it, so boxes never overlap.
   */
  private besideGraph(at: Map<string, Point>, anchor: Point): void {
    if (at.size === 0) return;
    const margin = 70;
    const box = this.cy.elements().boundingBox();
    const xs = [...at.values()].map((p) => p.x);
    const ys = [...at.values()].map((p) => p.y);
    const block = { x1: Math.min(...xs) - 60, x2: Math.max(...xs) + 60, y1: Math.min(...ys) - 40, y2: Math.max(...ys) + 30 };
    const sides = [
      { gap: anchor.x - box.x1, dx: box.x1 - margin - block.x2, dy: anchor.y - (block.y1 + block.y2) / 2 },
      { gap: box.x2 - anchor.x, dx: box.x2 + margin - block.x1, dy: anchor.y - (block.y1 + block.y2) / 2 },
      { gap: anchor.y - box.y1, dx: anchor.x - (block.x1 + block.x2) / 2, dy: box.y1 - margin - block.y2 },
      { gap: box.y2 - anchor.y, dx: anchor.x - (block.x1 + block.x2) / 2, dy: box.y2 + margin - block.y1 },
    ];
    const side = sides.reduce((best, s) => (s.gap < best.gap ? s : best));
    for (const point of at.values()) {
      point.x += side.dx;
      point.y += side.dy;
    }
  }

  /** A group grew downward: what sat under it (level with it) moves down by as much. */
  private pushBelow(groupId: string, before: { x1: number; x2: number; y2: number }, after: { y2: number }): void {
    const growth = after.y2 - before.y2;
    if (growth <= 0) return;
    const moved = this.cy.nodes().filter((n) => {
      if (n.id() === groupId || n.data('parent') === groupId || n.data('parent')) return false;
      const b = n.boundingBox();
      return b.y1 >= before.y2 - 1 && b.x2 > before.x1 && b.x1 < before.x2;
    });
    moved.forEach((n) => {
      const targets = n.isParent() ? n.children() : n;
      targets.forEach((t) => {
        const p = t.position();
        t.position({ x: p.x, y: p.y + growth });
      });
    });
  }

  /** Moves new nodes off the ones already drawn, outward from the expanded node. */
  private avoidOverlap(at: Map<string, Point>, centre: Point): void {
    const taken = this.cy.nodes('[kind != "policy"]').map((n) => ({ ...n.position() }));
    for (const [id, point] of at) {
      if (this.cy.getElementById(id).nonempty()) continue;
      let dx = point.x - centre.x;
      let dy = point.y - centre.y;
      const length = Math.hypot(dx, dy);
      if (length === 0) [dx, dy] = [1, 0];
      else [dx, dy] = [dx / length, dy / length];
      for (let tries = 0; tries < 60 && taken.some((t) => Math.abs(t.x - point.x) < 74 && Math.abs(t.y - point.y) < 32); tries++) {
        point.x += dx * 36;
        point.y += dy * 36;
      }
      taken.push({ ...point });
    }
  }

  private async onTap(node: NodeSingular): Promise<void> {
    const data = node.data() as NodeData;
    this.callbacks.select(data);
    if (data.kind === 'more') await this.track(() => this.drawMore(node, this.more.get(data.id)!));
    else if (data.kind === 'code' && !this.expanded.has(data.id)) await this.track(() => this.expand(node, data));
  }

  private async track(work: () => Promise<void>): Promise<void> {
    this.busy += 1;
    this.publish();
    try {
      await work();
    } catch (error) {
      this.callbacks.error(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy -= 1;
      this.publish();
    }
  }

  private async expand(node: NodeSingular, data: NodeData): Promise<void> {
    this.expanded.add(data.id);
    node.addClass('expanded');
    const detail = await fetchCode(data.code!, data.system!);
    if (!detail) return;
    const elements = await fetchNeighbourhood(detail);
    this.reuseDrawnCodes(elements, data.id);
    // Placed around the expanded code, which keeps its place (and its group).
    const centre = { ...node.position() };
    const at = placeNeighbourhood(data.id, elements.nodes, elements.edges, centre);
    at.delete(data.id);
    elements.nodes = elements.nodes.filter((n) => n.id !== data.id);
    this.besideGraph(at, centre);
    this.add(elements, at);
    this.cy.animate({ fit: { eles: this.cy.elements(), padding: 24 } }, { duration: 200 });
  }

  /**
   * A paired code already drawn (in another code's group) stays where it is: the new hub gets a
   * direct edge to it, labelled like its group's edge, and groups left with nothing are dropped.
   */
  private reuseDrawnCodes(elements: Elements, hub: string): void {
    const drawn = (id: string) => this.cy.getElementById(id).nonempty();
    const groupEdges = new Map(elements.edges.filter((e) => e.relation === 'justifies').map((e) => [e.source === hub ? e.target : e.source, e]));
    const extra: EdgeData[] = [];
    elements.nodes = elements.nodes.filter((n) => {
      if (!n.parent || n.kind !== 'code' || !drawn(n.id)) return true;
      const via = groupEdges.get(n.parent);
      if (via) {
        const [source, target] = via.source === hub ? [hub, n.id] : [n.id, hub];
        extra.push({ ...via, id: `${source}->${target}:justifies`, source, target });
      }
      return false;
    });
    const empty = new Set(elements.nodes.filter((g) => g.kind === 'policy' && !elements.nodes.some((n) => n.parent === g.id)).map((g) => g.id));
    elements.nodes = elements.nodes.filter((n) => !empty.has(n.id));
    elements.edges = [...elements.edges.filter((e) => !empty.has(e.source) && !empty.has(e.target)), ...extra];
  }

  private async drawMore(node: NodeSingular, spec: MoreSpec): Promise<void> {
    const nodes: NodeData[] = [];
    const edges: EdgeData[] = [];
    let remaining: number;
    if (spec.kind === 'children') {
      const next = spec.rest.slice(0, GROUP_CAP);
      spec.rest = spec.rest.slice(next.length);
      for (const c of next) {
        nodes.push(codeNode(c));
        edges.push({ id: `${spec.hub}->${codeNodeId(c)}:child`, source: spec.hub, target: codeNodeId(c), label: 'child', relation: 'child' });
      }
      remaining = spec.rest.length;
    } else {
      const page = await fetchPairingPage(spec.direction, spec.hubCode, { policy: spec.policy, status: spec.status, first: GROUP_CAP, after: spec.after });
      for (const pairing of page.nodes) {
        const groupId = spec.group ?? pairingGroupId(spec.hub, pairing.policy);
        if (!spec.group && this.cy.getElementById(groupId).empty() && !nodes.some((n) => n.id === groupId)) {
          nodes.push(groupNode(groupId, { policy: pairing.policy, status: pairing.policy ? null : ['CURATED'], totalCount: null }));
          edges.push(groupEdge(spec.hub, groupId, spec.direction, pairing.status.toLowerCase().replaceAll('_', ' ')));
        }
        nodes.push(codeNode(pairedCode(pairing, spec.direction), { parent: groupId }));
      }
      spec.after = page.pageInfo.endCursor;
      spec.remaining = Math.max(0, spec.remaining - page.nodes.length);
      remaining = page.pageInfo.hasNextPage ? spec.remaining : 0;
    }
    // New codes go under the ones already drawn beside the "N more" node.
    const group = node.isChild() ? node.parent().first() : null;
    const before = group ? group.boundingBox() : null;
    const siblings = node.isChild() ? node.parent().children().not(node) : this.cy.collection();
    const codes = nodes.filter((n) => n.kind === 'code' && this.cy.getElementById(n.id).empty());
    const points = placeInGroup(
      siblings.map((n) => ({ ...(n as NodeSingular).position() })),
      codes.length,
      { ...node.position() },
    );
    const at = new Map<string, Point>(codes.map((n, i) => [n.id, points[i]]));
    if (!node.isChild()) this.avoidOverlap(at, { ...node.position() });
    this.add({ nodes, edges }, at);
    if (remaining > 0) {
      node.data({ label: moreLabel(remaining), title: `${remaining} more: click to draw the next ${GROUP_CAP}` });
      this.callbacks.select(node.data() as NodeData);
      const lowest = placeInGroup(
        node.isChild()
          ? node
              .parent()
              .children()
              .not(node)
              .map((n) => ({ ...(n as NodeSingular).position() }))
          : [...at.values()],
        1,
        { ...node.position() },
      )[0];
      node.position(lowest);
    } else {
      this.more.delete(node.id());
      node.remove();
      this.callbacks.select(null);
    }
    if (group && before) this.pushBelow(group.id(), before, group.boundingBox());
    this.cy.animate({ fit: { eles: this.cy.elements(), padding: 24 } }, { duration: 200 });
  }

  /** State for tests and tools: node counts and whether a load is in flight, as data attributes of the container. */
  private publish(): void {
    this.container.dataset.nodes = String(this.cy.nodes('[kind = "code"]').length);
    this.container.dataset.state = this.busy > 0 ? 'loading' : 'ready';
    this.container.dataset.expanded = [...this.expanded].join(' ');
  }
}

function rank(element: ElementDefinition): number {
  if (element.group === 'edges') return 2;
  return (element.data as NodeData).kind === 'policy' ? 0 : 1;
}
