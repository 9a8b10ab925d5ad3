import { echo } from '../../common/code-format';
import { stateAbbreviation } from '../../common/state-abbreviation';
import { categoryId } from '../../common/graph-ids';
import type { Context } from '../../context';
import { badUserInput } from '../../errors/errors';
import { keyArgument } from '../node/key-argument';
import { dateOrDefault } from '../release/date-rule.service';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { JUSTIFYING } from './pairing-status.enum';
import type { PairingFilterArgs, PairingListArgs } from './pairing.args';
import type { PairingFilter } from './pairing.repository';

/**
 * Turns justifiedBy / justifies arguments into a repository filter, checking that the policy and
 * the category exist (a typo is BAD_USER_INPUT naming the value, not an empty page).
 * `bareChapterSystem`: the system a bare chapter or block ("4", "E08-E13") belongs to.
 */
export async function resolvePairingFilter(
  args: PairingFilterArgs & Pick<PairingListArgs, 'state'>,
  { loaders, repositories }: Context,
  bareChapterSystem: CodeSystemId | null,
): Promise<PairingFilter> {
  const state = stateAbbreviation(args.state, 'state');
  const policyGiven = args.policy?.trim() || null;
  const policy = policyGiven === null ? null : keyArgument(policyGiven, 'Policy', 'policy').toUpperCase();
  if (policy !== null && !(await loaders.policy.load(policy))) {
    const expected = 'a loaded policy: an NCD number such as "190.23B" (see the policies query), an LCD article id such as "A59003", or a Policy id';
    throw badUserInput(`Policy ${echo(args.policy!)} is not loaded: expected ${expected}`, { argument: 'policy', value: args.policy, expected });
  }
  let chapter: string | null = null;
  const chapterGiven = args.chapter?.trim() || null;
  const given = chapterGiven === null ? null : keyArgument(chapterGiven, 'Category', 'chapter');
  if (given !== null) {
    chapter = given.includes(':') ? given : bareChapterSystem ? categoryId(bareChapterSystem, given.toUpperCase()) : given;
    if (!(await loaders.category.load(chapter))) {
      const expected =
        bareChapterSystem === CodeSystemId.ICD10CM
          ? 'an ICD-10-CM chapter ("4") or block ("E08-E13"), a Category key ("ICD10CM:4") or a Category id'
          : 'a Category key such as "CPT:PATH" or "HCPCS:G", or a Category id';
      throw badUserInput(`Chapter ${echo(chapterGiven!)} names no category: expected ${expected}`, { argument: 'chapter', value: chapterGiven, expected });
    }
  }
  return {
    statuses: args.status?.length ? [...new Set(args.status)] : [...JUSTIFYING],
    policy,
    chapter,
    billableOnly: args.billableOnly ?? false,
    asOf: await dateOrDefault(args.asOf, { repositories }),
    state,
  };
}
