import type { ArticleGroupNode, CoverageArticleNode } from './coverage-article.type';

/** Most codes a specificity suggestion names. */
export const MAX_SUGGESTIONS = 10;

/** An article as a finding or a reason names it: id, title, LCDs, contractors and the state read. */
export function articleWords(article: CoverageArticleNode, state: string): string {
  const contractors = article.contractors.map((c) => `${c.name} (${c.number})`).join(', ');
  return `LCD article ${article.id} "${article.title}"${article.lcds.length ? ` (${article.lcds.join(', ')})` : ''}, of ${contractors || 'its contractors'} for ${state}`;
}

/** The category of an ICD-10-CM code: its first three characters (E11 for E11.9). */
export const categoryOf = (code: string) => code.replace('.', '').slice(0, 3);

/**
 * The codes under the same category as `vague` that the article's covered groups list, most general
 * first (shorter codes, then the article's tabular order), at most MAX_SUGGESTIONS: "E11.9 is not
 * listed; E11.65 and E11.69 under E11 are". Kept as evidence, never applied.
 */
export function specificCodes(vague: string, covered: readonly ArticleGroupNode[]): string[] {
  const category = categoryOf(vague);
  const listed = covered.flatMap((g) => g.diagnoses.map((d) => d.code));
  const under = [...new Set(listed)].filter((code) => code !== vague && categoryOf(code) === category);
  const order = new Map(under.map((code, i) => [code, i]));
  return under.sort((a, b) => a.length - b.length || order.get(a)! - order.get(b)!).slice(0, MAX_SUGGESTIONS);
}
