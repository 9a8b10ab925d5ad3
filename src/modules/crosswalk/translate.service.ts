import { gemFlagWords } from '../../domain/crosswalk';
import type { CodeNode } from '../code/code.type';
import type { GemMappingFacts } from './crosswalk.repository';
import type { CodeMapping, MappingScenario, Translation } from './crosswalk.type';

/** A GEM entry as the API shows it; `root` is the code whose field asked, `outgoing` whether the entry leads from it. */
export function toCodeMapping(root: CodeNode, m: GemMappingFacts, outgoing: boolean): CodeMapping {
  return {
    source: outgoing ? root : (m.other as CodeNode),
    target: outgoing ? m.other : root,
    from: m.from,
    to: m.to,
    approximate: m.approximate,
    noMap: m.noMap,
    combination: m.combination,
    scenario: m.scenario,
    choiceList: m.choiceList,
    flags: m.flags,
    meaning: gemFlagWords(m, m.to, !outgoing || m.other !== null),
    sourceFile: m.sourceFile,
    gemVersion: m.version,
  };
}

const codesText = (mappings: readonly CodeMapping[]) => mappings.map((m) => m.target?.code ?? '').join(', ');

/** The combination entries grouped: scenario, then choice list, in number order. */
export function scenariosOf(candidates: readonly CodeMapping[]): MappingScenario[] {
  const byScenario = new Map<number, Map<number, CodeMapping[]>>();
  for (const m of candidates.filter((c) => c.combination)) {
    const lists = byScenario.get(m.scenario) ?? new Map<number, CodeMapping[]>();
    lists.set(m.choiceList, [...(lists.get(m.choiceList) ?? []), m]);
    byScenario.set(m.scenario, lists);
  }
  return [...byScenario]
    .sort(([a], [b]) => a - b)
    .map(([scenario, lists]) => {
      const choiceLists = [...lists].sort(([a], [b]) => a - b).map(([choiceList, options]) => ({ choiceList, options }));
      const parts = choiceLists.map((l) => `one of ${codesText(l.options)}`);
      return { scenario, choiceLists, meaning: `scenario ${scenario}: ${parts.join(', together with ')}` };
    });
}

function summaryOf(code: CodeNode, t: Pick<Translation, 'from' | 'to' | 'candidates' | 'noMap' | 'scenarios'>, version: string): string {
  const gem = `The ${version} GEM from ${t.from} to ${t.to}`;
  if (t.noMap) return `${gem} says ${code.code} has no map: it names no ${t.to} code for it.`;
  const plain = t.candidates.filter((c) => !c.combination);
  const approx = (list: readonly CodeMapping[]) =>
    list.every((c) => c.approximate) ? ' (approximate)' : list.some((c) => c.approximate) ? ' (some approximate)' : ' (identical)';
  const sentences: string[] = [];
  if (plain.length === 1) sentences.push(`maps ${code.code} to ${plain[0].target?.code ?? ''}${approx(plain)}`);
  else if (plain.length > 1) sentences.push(`maps ${code.code} to any one of ${plain.length} ${t.to} codes: ${codesText(plain)}${approx(plain)}`);
  if (t.scenarios.length > 0) {
    sentences.push(
      `maps ${code.code} as a combination (one code from each choice list, together) in ${t.scenarios.length} scenario(s): ${t.scenarios.map((s) => s.meaning).join('; ')}`,
    );
  }
  return `${gem} ${sentences.join('; and ')}.`;
}

/** What one GEM direction says about a code, from its entries in that direction (at least one). */
export function buildTranslation(code: CodeNode, candidates: CodeMapping[]): Translation {
  const [first] = candidates;
  const targets = new Map<string, CodeNode>();
  for (const c of candidates) if (c.target) targets.set(`${c.target.system}|${c.target.code}`, c.target);
  const noMap = candidates.every((c) => c.noMap || c.target === null);
  const scenarios = scenariosOf(candidates);
  const shape = { from: first.from, to: first.to, candidates, noMap, scenarios };
  return {
    code,
    ...shape,
    targets: [...targets.values()],
    combination: candidates.every((c) => c.combination),
    summary: summaryOf(code, shape, first.gemVersion),
  };
}
