import { MatchedVia, NOT_IN_A_COVERED_GROUP, PairingStatus } from '../../domain/pairing';
import type { ArticleGroupNode, CoverageArticleNode } from '../policy/coverage-article.type';
import { articleWords, notListedWords, specificCodes } from '../policy/coverage-article.words';
import type { EvidenceListing, EvidencePolicy } from './pairing-verdict';

const VIAS: ReadonlySet<string> = new Set([MatchedVia.CODE, MatchedVia.RANGE, MatchedVia.CATEGORY]);

/**
 * The LCD billing articles that govern a procedure in a state, as evidence for one diagnosis, in the
 * shape the verdict reads NCDs in: a diagnosis a covered group lists is COVERED (with the group in
 * the reasons, and the group it must be reported with when the article pairs groups); one a
 * non-covered group lists is NOT_MEDICALLY_NECESSARY; any other code falls to the article's rule for
 * codes it does not list (an article lists the codes that support the procedure: the rest do not),
 * with the more specific codes under the same category that it covers. An article without covered
 * groups says nothing about diagnoses and is left out.
 */
export function articlePolicies(diagnosis: string, articles: readonly CoverageArticleNode[], state: string): EvidencePolicy[] {
  return articles.flatMap((article): EvidencePolicy[] => {
    const covered = article.groups.filter((g) => g.kind === 'COVERED');
    if (covered.length === 0) return [];
    const listing = (group: ArticleGroupNode, status: PairingStatus): EvidenceListing[] =>
      group.diagnoses
        .filter((d) => d.code === diagnosis)
        .map((d) => ({
          status,
          listedAs: `${d.listedAs} (group ${group.number})`,
          via: VIAS.has(d.via) ? d.via : MatchedVia.CODE,
          effectiveFrom: article.effectiveFrom,
          effectiveTo: article.effectiveTo,
        }));
    const listings = article.groups.flatMap((g) => listing(g, g.kind === 'COVERED' ? PairingStatus.COVERED : PairingStatus.NOT_MEDICALLY_NECESSARY));
    const name = articleWords(article, state);
    const notes: string[] = [];
    for (const group of covered.filter((g) => g.diagnoses.some((d) => d.code === diagnosis))) {
      if (group.requiresGroups.length > 0)
        notes.push(`${name}: a diagnosis of covered group ${group.number} must be reported with one from group ${group.requiresGroups.join(' and ')} as well.`);
    }
    if (listings.length === 0) {
      const better = specificCodes(diagnosis, covered);
      if (better.length > 0) notes.push(`${name}: ${notListedWords(diagnosis, better)}`);
    }
    return [
      {
        policy: {
          id: article.id,
          title: article.title,
          name,
          shortName: `LCD article ${article.id}`,
          defaultStatus: PairingStatus.NOT_MEDICALLY_NECESSARY,
          defaultListedAs: NOT_IN_A_COVERED_GROUP,
          defaultEffectiveFrom: article.effectiveFrom,
          defaultEffectiveTo: article.effectiveTo,
          defaultInForce: true,
        },
        listings,
        notes,
      },
    ];
  });
}
