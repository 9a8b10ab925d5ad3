import { EvidenceKind } from '../../domain/claim';
import type { ArticleGroupNode, CoverageArticleNode } from '../policy/coverage-article.type';
import { articleWords, notListedWords, specificCodes } from '../policy/coverage-article.words';
import { evidence, finding } from './claim-findings';
import { FindingCode, type ClaimFinding, type Evidence } from './claim-validation.type';

function articleEvidence(article: CoverageArticleNode, state: string, detail: string, extra: Partial<Evidence> = {}): Evidence {
  return evidence(EvidenceKind.LCD_ARTICLE, `${articleWords(article, state)}: ${detail}`, {
    policyId: article.id,
    sourceFile: article.sourceFiles[0] ?? null,
    fileVersion: article.version,
    effectiveFrom: article.effectiveFrom,
    effectiveTo: article.effectiveTo,
    ...extra,
  });
}

/**
 * LCD_NOT_COVERED and LCD_GROUP_INCOMPLETE for one line: the articles governing its procedure in the
 * claim's state on the date, against the diagnoses the line points to. An article with no covered
 * group says nothing; with no state on the claim there are no articles (an LCD binds only in its
 * contractors' states), so nothing is denied for want of one.
 */
export function lcdFindings(
  line: number,
  procedure: string,
  diagnoses: readonly string[],
  articles: readonly CoverageArticleNode[],
  state: string,
): ClaimFinding[] {
  const found: ClaimFinding[] = [];
  for (const article of articles) {
    const covered = article.groups.filter((g) => g.kind === 'COVERED');
    if (covered.length === 0) continue;
    const inGroup = (g: ArticleGroupNode) => diagnoses.some((d) => g.diagnoses.some((x) => x.code === d));
    const matched = covered.filter(inGroup);
    if (matched.length === 0) {
      const suggestions = diagnoses.flatMap((d) => {
        const better = specificCodes(d, covered);
        return better.length
          ? [
              articleEvidence(article, state, notListedWords(d, better), {
                code: d,
                listedAs: better.join(' '),
              }),
            ]
          : [];
      });
      found.push(
        finding(
          FindingCode.LCD_NOT_COVERED,
          `Line ${line} (${procedure}): none of its diagnoses (${diagnoses.join(', ')}) is in a covered group of ${articleWords(article, state)}.`,
          [articleEvidence(article, state, `covered groups ${covered.map((g) => g.number).join(', ')} govern ${procedure}.`), ...suggestions],
        ),
      );
      continue;
    }
    for (const group of matched) {
      const required = group.requiresGroups.map((n) => covered.find((g) => g.number === n)).filter((g): g is ArticleGroupNode => g !== undefined);
      const missing = required.filter((g) => !inGroup(g));
      if (missing.length === 0) continue;
      found.push(
        finding(
          FindingCode.LCD_GROUP_INCOMPLETE,
          `Line ${line} (${procedure}): a diagnosis of covered group ${group.number} of LCD article ${article.id} must be reported with one from group ${missing.map((g) => g.number).join(' and ')}, and the line has none.`,
          [articleEvidence(article, state, `group ${group.number}: ${group.paragraphText}`)],
        ),
      );
    }
  }
  return found;
}
