import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { ClaimInput } from './claim.input';
import { ClaimValidation } from './claim-validation.type';
import { validateClaim } from './claim.service';

@Resolver()
export class ClaimResolver {
  @Query(() => ClaimValidation, {
    description:
      "Checks a claim in its setting (default PROFESSIONAL): every code (UNKNOWN_CODE, NOT_BILLABLE, NOT_VALID_ON_DATE, WRONG_CODE_SET_FOR_SETTING), the diagnoses together (EXCLUDES1_CONFLICT), each line's procedure against the diagnoses it points to " +
      '(MISSING_DIAGNOSIS, NOT_COVERED, NO_SUPPORTING_DIAGNOSIS; NO_POLICY as information), and the lines against the NCCI edits in force on the date (PTP_CONFLICT, MUE_EXCEEDED). ' +
      'Each finding carries its evidence (an NCCI edit names its file, version and dates). Pointers outside the diagnoses, units outside 1 to 9999 and unknown modifiers are BAD_USER_INPUT naming the line.',
  })
  validateClaim(@Arg('claim', () => ClaimInput) claim: ClaimInput, @Ctx() context: Context): Promise<ClaimValidation> {
    return validateClaim(claim, context);
  }
}
