import { icd10cmCategory } from '../../common/code-format';
import type { ArticleGroupNode, CoverageArticleNode } from './coverage-article.type';

/** Most codes a specificity suggestion names. */
export const MAX_SUGGESTIONS = 10;

/** An article as a finding or a reason names it: id, title, LCDs, contractors and the state read. */
export function articleWords(article: CoverageArticleNode, state: string): string {
  const contractors = article.contractors.map((c) => `${c.name} (${c.number})`).join(', ');
  return `LCD article ${article.id} "${article.title}"${article.lcds.length ? ` (${article.lcds.join(', ')})` : ''}, of ${contractors || 'its contractors'} for ${state}`;
}

/**
 * The codes under the same category as `vague` that the article's covered groups list, most general
 * first (shorter codes, then the article's tabular order), at most MAX_SUGGESTIONS: "E11.9 is not
 * listed; E11.65 and E11.69 under E11 are". Kept as evidence, never applied.
 */
export function specificCodes(vague: string, covered: readonly ArticleGroupNode[]): string[] {
  const category = icd10cmCategory(vague);
  const listed = covered.flatMap((g) => g.diagnoses.map((d) => d.code));
  const under = [...new Set(listed)].filter((code) => code !== vague && icd10cmCategory(code) === category);
  const order = new Map(under.map((code, i) => [code, i]));
  return under.sort((a, b) => a.length - b.length || order.get(a)! - order.get(b)!).slice(0, MAX_SUGGESTIONS);
}

/** The suggestion in words: "E11.9 is not listed; E11.65, E11.69 under E11 are." */
export function notListedWords(vague: string, better: readonly string[]): string {
  return `${vague} is not listed; ${better.join(', ')} under ${icd10cmCategory(vague)} ${better.length === 1 ? 'is' : 'are'}.`;
}
