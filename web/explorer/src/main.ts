import './style.css';
import { ClaimForm } from './claim-form';
import { renderCodeView } from './code-view';
import { codeHref, h } from './dom';
import { fetchCode, fetchNeighbourhood } from './graph-data';
import { GraphView, SYSTEM_COLOURS } from './graph-view';
import { renderPairingPanel } from './pairing-panel';
import { mountSearch } from './search';
import type { NodeData } from './neighbourhood';

const $ = (id: string) => document.getElementById(id)!;
const codeView = $('code-view');
const graphPanel = $('graph-panel');
const graphBox = $('graph');
const pairingPanel = $('pairing-panel');
const claim = new ClaimForm($('claim-panel'));
const selection = h('p', { class: 'selection', id: 'graph-selection', 'aria-live': 'polite' });
graphPanel.append(selection);

const graph = new GraphView(graphBox, {
  open: (code) => void navigate(code),
  select: (node: NodeData | null) => {
    selection.replaceChildren(
      ...(node
        ? [
            h('strong', {}, node.label),
            ' ',
            node.title,
            ' ',
            node.kind === 'code' ? h('a', { href: codeHref({ code: node.code!, systemId: node.system! }) }, 'Open') : '',
          ]
        : []),
    );
  },
  error: (message) => selection.replaceChildren(h('span', { class: 'error', role: 'alert' }, message)),
});
(window as unknown as { explorerGraph: GraphView }).explorerGraph = graph;

$('graph-legend').replaceChildren(
  ...Object.entries(SYSTEM_COLOURS).map(([system, colour]) => h('span', { class: 'legend-item' }, h('i', { style: `background:${colour}` }), system)),
  h('span', { class: 'legend-item' }, h('i', { class: 'legend-policy' }), 'policy group'),
  h('span', { class: 'legend-item' }, h('i', { class: 'legend-more' }), '"N more": click to draw more'),
);

mountSearch($('search'), (code) => void navigate(code));

/** Opens a code and records it in the URL (?system=CPT&code=80061), so the view can be shared. */
async function navigate(code: { code: string; systemId: string }, push = true): Promise<void> {
  if (push) history.pushState(null, '', codeHref(code));
  await show(code.code, code.systemId);
}

async function show(code: string, system: string | null): Promise<void> {
  document.body.dataset.state = 'loading';
  codeView.replaceChildren(h('p', { class: 'muted' }, `Loading ${code}…`));
  try {
    const detail = await fetchCode(code, system || null);
    if (!detail) {
      codeView.replaceChildren(h('p', { class: 'error', role: 'alert' }, `No code ${code}${system ? ` in ${system}` : ''}.`));
      graphPanel.hidden = true;
      pairingPanel.hidden = true;
      return;
    }
    document.title = `${detail.code} · codeset-graph explorer`;
    renderCodeView(codeView, detail);
    claim.prefill(detail);
    graphPanel.hidden = false;
    pairingPanel.hidden = false;
    await Promise.all([fetchNeighbourhood(detail).then((elements) => graph.show(elements)), renderPairingPanel(pairingPanel, detail)]);
  } catch (error) {
    codeView.replaceChildren(h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
  } finally {
    document.body.dataset.state = 'ready';
  }
}

function fromUrl(): void {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (code) void show(code, params.get('system'));
  else document.body.dataset.state = 'ready';
}

// Links inside the page (breadcrumb, notes, pairings) open codes without a reload.
document.addEventListener('click', (event) => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- closest() is typed Element; the selector makes it an anchor
  const link = (event.target as Element).closest?.('a.code-link') as HTMLAnchorElement | null;
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  const params = new URLSearchParams(new URL(link.href).search);
  const code = params.get('code');
  if (!code) return;
  event.preventDefault();
  void navigate({ code, systemId: params.get('system') ?? '' });
});
window.addEventListener('popstate', fromUrl);
fromUrl();
