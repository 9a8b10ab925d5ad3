import { echo } from '../../common/code-format';
import { keyOfIdOrKey, type NodeType } from '../../domain/node-id';
import { badUserInput } from '../../errors/errors';

/** An argument that takes an entity's readable key or its global id: the key; BAD_USER_INPUT for a global id of another type. */
export function keyArgument(value: string, type: NodeType, argument: string): string {
  const named = keyOfIdOrKey(value, type);
  if ('key' in named) return named.key;
  const expected = `a ${type} key or a ${type} global id`;
  throw badUserInput(`Invalid argument ${argument}: ${echo(value)} is the id of a ${named.wrongType}; expected ${expected}`, {
    argument,
    value,
    expected,
  });
}
