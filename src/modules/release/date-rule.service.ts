import { today } from '../../common/date.scalar';
import type { Context } from '../../context';
import { chooseDate, type DateChoice } from '../../domain/date-rule';

/** The default date of this request (see src/domain/date-rule.ts). */
export async function defaultDate({ repositories }: Pick<Context, 'repositories'>): Promise<DateChoice> {
  return chooseDate(await repositories.releases.windows(), today());
}

/** The date a caller gave, or the default date when they gave none. */
export async function dateOrDefault(given: string | null | undefined, context: Pick<Context, 'repositories'>): Promise<string> {
  return given ?? (await defaultDate(context)).date;
}
