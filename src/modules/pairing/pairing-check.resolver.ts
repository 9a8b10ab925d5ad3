import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import type { Context } from '../../context';
import { PairingCheck } from './pairing-check.type';
import { checkPairing } from './pairing-check.service';

@Resolver()
export class PairingCheckResolver {
  @Query(() => PairingCheck, {
    description:
      'Does this diagnosis justify this procedure on this date (and, with `state`, in that state)? SUPPORTED, NOT_SUPPORTED (with the policy or LCD article that says so) or NO_POLICY (nothing in the graph governs the procedure: unknown, not denied), ' +
      'with the pairings behind the verdict and the reasons in words. A malformed code, or one no release holds and no policy names, is BAD_USER_INPUT.',
  })
  checkPairing(
    @Arg('diagnosis', () => String, { description: 'ICD-10-CM code (E11.9 or E119).' }) diagnosis: string,
    @Arg('procedure', () => String, { description: 'CPT, HCPCS or ICD-10-PCS code.' }) procedure: string,
    @Arg('dateOfService', () => DateScalar, {
      nullable: true,
      description: "Policies are read as of this date; default: the defaultDate rule (today when it lies in the loaded releases' window).",
    })
    dateOfService: string | null,
    @Arg('state', () => String, {
      nullable: true,
      description:
        'A state or territory abbreviation ("NY"): the LCD billing articles of its contractors that govern the procedure then count beside the NCDs. Without it no LCD applies (an LCD binds only in its contractors\' states).',
    })
    state: string | null,
    @Ctx() context: Context,
  ): Promise<PairingCheck> {
    return checkPairing(diagnosis, procedure, dateOfService, state ?? null, context);
  }
}
