import { codeHref, h } from './dom';
import { NOTE_FIELDS, NOTE_LABEL, type CodeDetail, type CodeRef, type Note } from './types';

function codeLink(code: CodeRef, text: string = code.code): HTMLAnchorElement {
  return h('a', { href: codeHref(code), 'data-code': code.code, 'data-system': code.systemId, title: code.display, class: 'code-link' }, text);
}

function noteItem(note: Note): HTMLLIElement {
  const targets = [
    ...note.targets.map((t) => codeLink(t)),
    ...note.targetCategories.map((c) => h('span', { class: 'category', title: c.title }, c.code)),
  ].flatMap((node, i) => (i === 0 ? [node] : [', ', node]));
  const statedOn = note.statedOnCode?.code ?? note.statedOnCategory?.code;
  const where = note.inherited && statedOn ? h('span', { class: 'muted stated-on' }, ` (stated on ${statedOn})`) : '';
  return h('li', { 'data-level': note.level }, note.text, targets.length ? ' → ' : '', ...targets, where);
}

/** The code: its system, titles, billable or header, the breadcrumb of its hierarchy, and its notes as links. */
export function renderCodeView(root: HTMLElement, detail: CodeDetail): void {
  const crumbs: Array<Node | string> = [];
  for (const category of detail.categories) {
    crumbs.push(
      h(
        'span',
        { class: 'crumb category', title: `${category.kind.toLowerCase().replaceAll('_', ' ')} ${category.code}` },
        `${category.code} ${category.title}`,
      ),
      ' › ',
    );
  }
  for (const ancestor of [...detail.ancestors].reverse()) crumbs.push(codeLink(ancestor), ' › ');
  crumbs.push(h('strong', {}, detail.code));

  const notes = NOTE_FIELDS.flatMap((field) => detail[field] ?? []);
  const byKind = new Map<Note['kind'], Note[]>();
  for (const note of notes) byKind.set(note.kind, [...(byKind.get(note.kind) ?? []), note]);

  root.replaceChildren(
    h('nav', { class: 'breadcrumb', 'aria-label': 'Hierarchy' }, h('span', { class: `badge sys-${detail.systemId}` }, detail.system.shortName), ' ', ...crumbs),
    h(
      'h2',
      { id: 'code-heading' },
      h('span', { class: 'code', 'data-testid': 'code' }, detail.code),
      ' ',
      h('span', { class: 'display', 'data-testid': 'display' }, detail.display),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'System'),
      h(
        'dd',
        { 'data-testid': 'system' },
        `${detail.system.shortName} (${detail.system.name}), maintained by ${detail.system.maintainedBy.map((o) => o.abbreviation).join(', ') || 'unknown'}`,
      ),
      h('dt', {}, 'Billable'),
      h('dd', { 'data-testid': 'billable' }, detail.billable ? 'Yes: can be reported on a claim' : `No: a ${detail.kind.toLowerCase()} header`),
      h('dt', {}, 'Kind'),
      h('dd', {}, `${detail.__typename}, ${detail.kind.toLowerCase()}${detail.retired ? ', retired' : ''}`),
      detail.shortDisplay ? h('dt', {}, 'Short title') : null,
      detail.shortDisplay ? h('dd', {}, detail.shortDisplay) : null,
      detail.children.length ? h('dt', {}, 'Children') : null,
      detail.children.length
        ? h(
            'dd',
            { class: 'children' },
            ...detail.children.slice(0, 30).flatMap((c) => [codeLink(c), ' ']),
            detail.children.length > 30 ? `and ${detail.children.length - 30} more` : '',
          )
        : null,
    ),
    notes.length
      ? h(
          'section',
          { class: 'notes', 'aria-label': 'Notes' },
          ...[...byKind.entries()].map(([kind, list]) =>
            h('div', { class: `note note-${kind}` }, h('h3', {}, NOTE_LABEL[kind]), h('ul', {}, ...list.map(noteItem))),
          ),
        )
      : h('p', { class: 'muted' }, detail.__typename === 'Diagnosis' ? 'No Excludes, Code first, Use additional or Code also notes.' : ''),
  );
}
