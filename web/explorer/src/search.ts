import { h } from './dom';
import { gql } from './graphql';
import { SEARCH } from './queries';
import type { CodeRef } from './types';

/** The search box: an ARIA combobox over `search` (all systems), driven by the keyboard or the mouse. */
export function mountSearch(root: HTMLElement, pick: (code: CodeRef) => void): HTMLInputElement {
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    placeholder: 'Search codes or titles: 80061, E11.9, "diab typ 2"',
    autocomplete: 'off',
    'aria-label': 'Search codes',
  });
  const list = h('ul', { id: 'search-results', role: 'listbox', hidden: true });
  const status = h('span', { class: 'search-status', 'aria-live': 'polite' });
  root.append(input, list, status);

  let results: CodeRef[] = [];
  let active = -1;
  let sequence = 0;
  let timer: number | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', `search-option-${index}`);
      list.children[index]?.scrollIntoView({ block: 'nearest' });
    }
  };
  const choose = (index: number) => {
    const code = results[index];
    if (!code) return;
    close();
    input.value = '';
    pick(code);
  };
  const render = (total: number) => {
    list.replaceChildren(
      ...results.map((code, i) =>
        h(
          'li',
          {
            id: `search-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-code': code.code,
            'data-system': code.systemId,
            onmousedown: (e) => {
              e.preventDefault();
              choose(i);
            },
          },
          h('span', { class: `badge sys-${code.systemId}` }, code.systemId),
          h('strong', {}, code.code),
          h('span', { class: 'title' }, code.display),
        ),
      ),
    );
    status.textContent = total === 0 ? 'No code found' : `${total.toLocaleString('en-US')} found`;
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    highlight(results.length > 0 ? 0 : -1);
  };
  const run = async (text: string) => {
    const mine = ++sequence;
    try {
      const data = await gql<{ search: { totalCount: number; nodes: CodeRef[] } }>(SEARCH, { text });
      if (mine !== sequence) return;
      results = data.search.nodes;
      render(data.search.totalCount);
    } catch (error) {
      if (mine !== sequence) return;
      results = [];
      render(0);
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length === 0) {
      sequence++;
      results = [];
      close();
      status.textContent = '';
      return;
    }
    timer = window.setTimeout(() => void run(text), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && results.length) {
      event.preventDefault();
      if (list.hidden) render(results.length);
      highlight((active + 1) % results.length);
    } else if (event.key === 'ArrowUp' && results.length) {
      event.preventDefault();
      highlight((active - 1 + results.length) % results.length);
    } else if (event.key === 'Enter' && active >= 0 && !list.hidden) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => close());
  return input;
}
