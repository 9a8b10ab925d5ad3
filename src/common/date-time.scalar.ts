import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ErrorCode } from '../errors/error-code';
import { echo } from './code-format';

const checked = (value: unknown): string => {
  try {
    return DateTimeResolver.parseValue(value).toISOString();
  } catch {
    const shown = typeof value === 'string' ? echo(value) : String(value);
    throw new GraphQLError(`DateTime ${shown} is not valid: expected an RFC 3339 date-time with its offset (e.g. 2026-11-27T09:30:00Z)`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, value: typeof value === 'string' ? value.slice(0, 40) : null },
    });
  }
};

/** An instant, "2026-11-27T09:30:00Z" (RFC 3339, as Neo4j's toString(datetime()) writes it); used for audit times. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant written as an RFC 3339 date-time with its offset, e.g. 2026-11-27T09:30:00Z.',
  // Checked, then passed on as written (Neo4j's toString keeps the offset the instant was stored with).
  serialize: (value) => {
    const written = String(value);
    DateTimeResolver.parseValue(written);
    return written;
  },
  parseValue: checked,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError(`DateTime must be a string written as an RFC 3339 date-time, got a literal of kind ${ast.kind}`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      });
    return checked(ast.value);
  },
});
