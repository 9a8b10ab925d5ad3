import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ErrorCode } from '../errors/error-code';
import { echo } from './code-format';

const local = LocalDateResolver.toConfig();

function checked(value: unknown): string {
  try {
    return local.parseValue(value);
  } catch {
    const shown = typeof value === 'string' ? echo(value) : String(value);
    throw new GraphQLError(`Date ${shown} is not valid: expected a calendar date written YYYY-MM-DD (e.g. 2026-03-15)`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, value: typeof value === 'string' ? value.slice(0, 40) : null },
    });
  }
}

/** A calendar date without time or zone, "2026-03-15"; graphql-scalars' LocalDate check, named Date. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or time zone, written YYYY-MM-DD (ISO 8601), e.g. 2026-03-15.',
  // An answer that is not a calendar date is a bug of ours: refused, not passed on.
  serialize: (value) => local.serialize(String(value)),
  parseValue: checked,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError(`Date must be a string written YYYY-MM-DD, got a literal of kind ${ast.kind}`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
    return checked(ast.value);
  },
});

/** Today's date (UTC) as YYYY-MM-DD: the default date of pairing questions. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
