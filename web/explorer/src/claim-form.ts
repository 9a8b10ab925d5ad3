import { h } from './dom';
import { gql } from './graphql';
import { VALIDATE_CLAIM } from './queries';

interface Finding {
  code: string;
  severity: string;
  message: string;
}
interface Validation {
  outcome: string;
  summary: string;
  dateOfService: string | null;
  findings: Finding[];
  lines: Array<{ line: number; procedure: string; diagnoses: string[]; outcome: string; summary: string; findings: Finding[] }>;
}

const splitList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function findingList(findings: Finding[]): HTMLElement {
  if (findings.length === 0) return h('p', { class: 'muted' }, 'No findings.');
  return h(
    'ul',
    { class: 'findings' },
    ...findings.map((f) =>
      h('li', { class: `finding severity-${f.severity}`, 'data-finding': f.code }, h('strong', {}, `${f.severity} ${f.code}`), ': ', f.message),
    ),
  );
}

/** The claim checker: date of service, diagnoses, lines (procedure and diagnosis pointers); shows the findings per line. */
export class ClaimForm {
  private readonly lines: HTMLElement;
  private readonly result: HTMLElement;
  private readonly date: HTMLInputElement;
  private readonly diagnoses: HTMLInputElement;

  constructor(root: HTMLElement) {
    this.date = h('input', { type: 'date', id: 'claim-date', name: 'dateOfService' });
    this.diagnoses = h('input', { type: 'text', id: 'claim-diagnoses', name: 'diagnoses', placeholder: 'E78.5, E11.9', size: 30 });
    this.lines = h('div', { class: 'claim-lines', id: 'claim-lines' });
    this.result = h('div', { class: 'claim-result', id: 'claim-result', 'aria-live': 'polite' });
    const form = h(
      'form',
      {
        id: 'claim-form',
        onsubmit: (event) => {
          event.preventDefault();
          void this.check();
        },
      },
      h(
        'div',
        { class: 'row' },
        h('label', { for: 'claim-date' }, 'Date of service'),
        this.date,
        h('label', { for: 'claim-diagnoses' }, 'Diagnoses (in claim order)'),
        this.diagnoses,
      ),
      this.lines,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', id: 'claim-add-line', onclick: () => this.addLine() }, 'Add a line'),
        h('button', { type: 'submit', id: 'claim-check', class: 'primary' }, 'Check the claim'),
      ),
    );
    root.replaceChildren(
      h('h2', {}, 'Claim checker'),
      h('p', { class: 'muted' }, 'Each line points to diagnoses by their position (1 is the first diagnosis).'),
      form,
      this.result,
    );
    this.addLine();
  }

  addLine(procedure = '', pointers = '1'): void {
    const n = this.lines.children.length + 1;
    this.lines.append(
      h(
        'div',
        { class: 'row claim-line', 'data-line': n },
        h('label', { for: `claim-procedure-${n}` }, `Line ${n}: procedure`),
        h('input', { type: 'text', id: `claim-procedure-${n}`, class: 'claim-procedure', value: procedure, placeholder: '80061', size: 10 }),
        h('label', { for: `claim-pointers-${n}` }, 'diagnosis pointers'),
        h('input', { type: 'text', id: `claim-pointers-${n}`, class: 'claim-pointers', value: pointers, placeholder: '1, 2', size: 8 }),
      ),
    );
  }

  /** Fills the form for the code on view: a procedure on line 1, or a diagnosis first. */
  prefill(code: { code: string; __typename: string }): void {
    if (code.__typename === 'Procedure') {
      const first = this.lines.querySelector<HTMLInputElement>('.claim-procedure');
      if (first && !first.value) first.value = code.code;
    } else if (!this.diagnoses.value) this.diagnoses.value = code.code;
  }

  private async check(): Promise<void> {
    const lines = [...this.lines.querySelectorAll<HTMLElement>('.claim-line')]
      .map((row) => ({
        procedure: row.querySelector<HTMLInputElement>('.claim-procedure')!.value.trim(),
        diagnosisPointers: splitList(row.querySelector<HTMLInputElement>('.claim-pointers')!.value).map(Number),
      }))
      .filter((line) => line.procedure);
    const claim = { dateOfService: this.date.value || null, diagnoses: splitList(this.diagnoses.value), lines };
    this.result.replaceChildren(h('p', { class: 'muted' }, 'Checking…'));
    this.result.dataset.state = 'loading';
    try {
      const { validateClaim: v } = await gql<{ validateClaim: Validation }>(VALIDATE_CLAIM, { claim });
      this.result.replaceChildren(
        h('p', { class: `outcome outcome-${v.outcome}`, 'data-testid': 'claim-outcome' }, h('strong', {}, v.outcome), ' ', v.summary),
        v.findings.length ? h('div', { class: 'claim-findings' }, h('h3', {}, 'Claim'), findingList(v.findings)) : '',
        h(
          'table',
          { class: 'claim-lines-result' },
          h('thead', {}, h('tr', {}, ...['Line', 'Procedure', 'Diagnoses', 'Outcome', 'Findings'].map((t) => h('th', {}, t)))),
          h(
            'tbody',
            {},
            ...v.lines.map((line) =>
              h(
                'tr',
                { 'data-line': line.line, class: `outcome-${line.outcome}` },
                h('td', {}, String(line.line)),
                h('td', {}, line.procedure),
                h('td', {}, line.diagnoses.join(', ')),
                h('td', {}, h('strong', {}, line.outcome)),
                h('td', {}, h('p', {}, line.summary), findingList(line.findings)),
              ),
            ),
          ),
        ),
      );
      this.result.dataset.state = 'done';
    } catch (error) {
      this.result.replaceChildren(h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
      this.result.dataset.state = 'error';
    }
  }
}
