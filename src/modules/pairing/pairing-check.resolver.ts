import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import type { Context } from '../../context';
import { ClaimInput } from './claim.input';
import { ClaimValidation } from './claim-validation.type';
import { PairingCheck } from './pairing-check.type';
import { checkPairing, validateClaim } from './pairing-check.service';

@Resolver()
export class PairingCheckResolver {
  @Query(() => PairingCheck, {
    description:
      'Does this diagnosis justify this procedure on this date? SUPPORTED, NOT_SUPPORTED (with the policy that says so) or NO_POLICY (nothing in the graph governs the procedure: unknown, not denied), ' +
      'with the pairings behind the verdict and the reasons in words. A malformed code, or one no release holds and no policy names, is BAD_USER_INPUT.',
  })
  checkPairing(
    @Arg('diagnosis', () => String, { description: 'ICD-10-CM code (E11.9 or E119).' }) diagnosis: string,
    @Arg('procedure', () => String, { description: 'CPT, HCPCS or ICD-10-PCS code.' }) procedure: string,
    @Arg('dateOfService', () => DateScalar, { nullable: true, description: 'Policies are read as of this date; default today.' }) dateOfService: string | null,
    @Ctx() context: Context,
  ): Promise<PairingCheck> {
    return checkPairing(diagnosis, procedure, dateOfService, context);
  }

  @Query(() => ClaimValidation, {
    description:
      "Checks a professional claim: every code (UNKNOWN_CODE, NOT_BILLABLE, NOT_VALID_ON_DATE), the diagnoses together (EXCLUDES1_CONFLICT), and each line's procedure against the diagnoses it points to " +
      '(MISSING_DIAGNOSIS, NOT_COVERED, NO_SUPPORTING_DIAGNOSIS; NO_POLICY as information). Each finding carries its evidence. Pointers outside the diagnoses are BAD_USER_INPUT.',
  })
  validateClaim(@Arg('claim', () => ClaimInput) claim: ClaimInput, @Ctx() context: Context): Promise<ClaimValidation> {
    return validateClaim(claim, context);
  }
}
