import { codeHref, h } from './dom';
import { gql } from './graphql';
import { DIAGNOSIS_PAIRINGS, PROCEDURE_PAIRINGS } from './queries';
import { STATUS_LABEL, STATUSES, type CodeDetail, type PairingNode, type PairingStatus } from './types';

interface Totals {
  covered: { totalCount: number };
  curated: { totalCount: number };
  denied: { totalCount: number };
  notNecessary: { totalCount: number };
}
interface ProcedureData extends Totals {
  justifyingChapters: Array<{ diagnosesCount: number; chapter: { key: string; code: string; title: string } }>;
  list: { totalCount: number; nodes: PairingNode[] };
  justifiedByCsv: string;
}
interface DiagnosisData extends Totals {
  list: { totalCount: number; nodes: PairingNode[] };
  justifiesCsv: string;
}

const totalOf = (t: Totals, s: PairingStatus): number =>
  ({ COVERED: t.covered, CURATED: t.curated, DENIED: t.denied, NOT_MEDICALLY_NECESSARY: t.notNecessary })[s].totalCount;

/** A bar chart in plain SVG: one bar per ICD-10-CM chapter, its length the number of diagnoses. */
export function chapterChart(rows: ProcedureData['justifyingChapters']): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const rowHeight = 22;
  const labelWidth = 270;
  const barWidth = 260;
  const max = Math.max(1, ...rows.map((r) => r.diagnosesCount));
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${labelWidth + barWidth + 70} ${rows.length * rowHeight + 4}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Justifying diagnoses per ICD-10-CM chapter');
  rows.forEach((row, i) => {
    const y = i * rowHeight + 2;
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('data-chapter', row.chapter.code);
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', String(labelWidth - 6));
    label.setAttribute('y', String(y + 14));
    label.setAttribute('text-anchor', 'end');
    const title = row.chapter.title.length > 40 ? `${row.chapter.title.slice(0, 39)}…` : row.chapter.title;
    label.textContent = `${row.chapter.code}. ${title}`;
    const bar = document.createElementNS(ns, 'rect');
    bar.setAttribute('x', String(labelWidth));
    bar.setAttribute('y', String(y + 2));
    bar.setAttribute('height', String(rowHeight - 6));
    bar.setAttribute('width', String(Math.max(2, (row.diagnosesCount / max) * barWidth)));
    const tip = document.createElementNS(ns, 'title');
    tip.textContent = `Chapter ${row.chapter.code} ${row.chapter.title}: ${row.diagnosesCount}`;
    bar.append(tip);
    const value = document.createElementNS(ns, 'text');
    value.setAttribute('x', String(labelWidth + Math.max(2, (row.diagnosesCount / max) * barWidth) + 4));
    value.setAttribute('y', String(y + 14));
    value.setAttribute('class', 'value');
    value.textContent = row.diagnosesCount.toLocaleString('en-US');
    g.append(label, bar, value);
    svg.append(g);
  });
  return svg;
}

function pairingRow(p: PairingNode, other: 'diagnosis' | 'procedure'): HTMLTableRowElement {
  const code = p[other];
  return h(
    'tr',
    {},
    h('td', {}, h('a', { href: codeHref(code), class: 'code-link' }, code.code)),
    h('td', {}, code.display),
    h('td', {}, h('span', { class: `status status-${p.status}` }, STATUS_LABEL[p.status])),
    h('td', {}, p.policy ? h('span', { title: p.policy.title }, p.policy.key) : 'curated'),
    h('td', {}, p.listedAs ?? ''),
    h('td', {}, p.matchedVia.toLowerCase().replaceAll('_', ' ')),
  );
}

/**
 * The pairing panel: for a procedure, its justifying diagnoses by status with counts per
 * ICD-10-CM chapter; for a diagnosis, what it justifies. Each with the link to the CSV export.
 */
export async function renderPairingPanel(root: HTMLElement, detail: CodeDetail, status: PairingStatus[] = ['COVERED', 'CURATED']): Promise<void> {
  const procedure = detail.__typename === 'Procedure';
  const variables = { code: detail.code, system: detail.systemId, status };
  const data = procedure
    ? (await gql<{ code: ProcedureData | null }>(PROCEDURE_PAIRINGS, variables)).code
    : (await gql<{ code: DiagnosisData | null }>(DIAGNOSIS_PAIRINGS, variables)).code;
  if (!data) return;
  const key = status.join(',');
  const tabs = h(
    'div',
    { class: 'tabs', role: 'group', 'aria-label': 'Status' },
    h(
      'button',
      { type: 'button', 'aria-pressed': String(key === 'COVERED,CURATED'), onclick: () => void renderPairingPanel(root, detail, ['COVERED', 'CURATED']) },
      `Justifying (${(totalOf(data, 'COVERED') + totalOf(data, 'CURATED')).toLocaleString('en-US')})`,
    ),
    ...STATUSES.map((s) =>
      h(
        'button',
        { type: 'button', 'data-status': s, 'aria-pressed': String(key === s), onclick: () => void renderPairingPanel(root, detail, [s]) },
        `${STATUS_LABEL[s]} (${totalOf(data, s).toLocaleString('en-US')})`,
      ),
    ),
  );
  const csv = procedure ? (data as ProcedureData).justifiedByCsv : (data as DiagnosisData).justifiesCsv;
  const other = procedure ? 'diagnosis' : 'procedure';
  const statusWords = status.map((s) => STATUS_LABEL[s].toLowerCase()).join(' or ');
  root.replaceChildren(
    h('h2', {}, procedure ? `Diagnoses that justify ${detail.code}` : `What ${detail.code} justifies`),
    tabs,
    procedure
      ? h(
          'div',
          { class: 'chapters' },
          h('h3', {}, `${statusWords[0].toUpperCase()}${statusWords.slice(1)} diagnoses per ICD-10-CM chapter`),
          (data as ProcedureData).justifyingChapters.length ? chapterChart((data as ProcedureData).justifyingChapters) : h('p', { class: 'muted' }, 'None.'),
        )
      : '',
    h(
      'p',
      {},
      `${data.list.totalCount.toLocaleString('en-US')} ${statusWords} pairing(s)${data.list.totalCount > data.list.nodes.length ? `, first ${data.list.nodes.length} below` : ''}. `,
      h('a', { href: csv, class: 'csv-link', download: '' }, 'Download all as CSV'),
    ),
    data.list.nodes.length
      ? h(
          'table',
          { class: 'pairings' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[other === 'diagnosis' ? 'Diagnosis' : 'Procedure', 'Title', 'Status', 'Policy', 'Listed as', 'Matched via'].map((t) => h('th', {}, t)),
            ),
          ),
          h('tbody', {}, ...data.list.nodes.map((p) => pairingRow(p, other))),
        )
      : '',
  );
}
