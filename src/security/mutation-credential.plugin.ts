import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { requireCurator } from './caller';

/**
 * The credential is checked before anything else looks at a mutation's input: an anonymous or
 * reader call of a curation mutation is UNAUTHENTICATED or FORBIDDEN whatever its arguments, so
 * input validation never answers (or costs anything) for a caller who may not write at all.
 */
export function mutationCredentialPlugin<T extends Context>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') requireCurator(contextValue.caller);
        },
      };
    },
  };
}
