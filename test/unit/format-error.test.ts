import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { logger } from '../../src/common/logger';
import { createFormatError } from '../../src/errors/format-error';

const formatError = createFormatError(logger.child({}, { level: 'silent' }));

describe('formatError', () => {
  it('masks an unexpected error as INTERNAL_SERVER_ERROR without its message or stack', () => {
    const error = new GraphQLError('secret detail from deep inside', { originalError: new TypeError('boom'), path: ['code'] });
    expect(formatError({ message: error.message, path: ['code'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error)).toEqual({
      message: 'Internal server error',
      path: ['code'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('gives an error with a code outside ErrorCode the code INTERNAL_SERVER_ERROR', () => {
    const error = new GraphQLError('odd', { extensions: { code: 'SOMETHING_ELSE' } });
    expect(formatError({ message: 'odd', extensions: { code: 'SOMETHING_ELSE' } }, error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('keeps a known code and its details, dropping only the stack trace', () => {
    const error = new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT', value: 'x' } });
    expect(formatError({ message: 'bad', extensions: { code: 'BAD_USER_INPUT', value: 'x', stacktrace: ['at y'] } }, error)).toEqual({
      message: 'bad',
      extensions: { code: 'BAD_USER_INPUT', value: 'x' },
    });
  });

  it('rewrites an argument validation error to name the argument, the rule and the value', () => {
    const failure = Object.assign(new ValidationError(), { property: 'first', value: 0, constraints: { min: 'first must not be less than 1' } });
    const error = new ArgumentValidationError([failure]);
    expect(formatError({ message: error.message, extensions: error.extensions }, error)).toEqual({
      message: 'Invalid argument: first must not be less than 1, got 0',
      extensions: {
        code: 'BAD_USER_INPUT',
        argument: 'first',
        value: 0,
        expected: 'must not be less than 1',
        arguments: [{ argument: 'first', value: 0, expected: 'must not be less than 1' }],
      },
    });
  });

  it('names a rule broken inside an input object by its full path, with the value and what was expected, never an empty reason (issue 18)', () => {
    const pointers = Object.assign(new ValidationError(), {
      property: 'diagnosisPointers',
      value: [0],
      constraints: { min: 'each value in diagnosisPointers must not be less than 1' },
    });
    const line = Object.assign(new ValidationError(), { property: '0', value: {}, children: [pointers] });
    const lines = Object.assign(new ValidationError(), { property: 'lines', value: [{}], children: [line] });
    const error = new ArgumentValidationError([lines]);
    const formatted = formatError({ message: error.message, extensions: error.extensions }, error);
    expect(formatted.message).toBe('Invalid argument: lines[0].diagnosisPointers each value must not be less than 1, got [0]');
    expect(formatted.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'lines[0].diagnosisPointers',
      value: [0],
      expected: 'each value must not be less than 1',
    });
  });
});
