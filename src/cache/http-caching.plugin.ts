import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { cacheHeaders, credentialOf, entityTag, type GenerationSource } from './http-caching';

/**
 * Sets Cache-Control on every GraphQL answer (this plugin owns it: Apollo's cache-control plugin is
 * off). A query over GET that succeeded, on a graph whose generation is known and did not change
 * while it ran, may be kept for `maxAgeSeconds` and carries the entity tag notModified() compares;
 * anything else is no-store. `baseOf` names the origin the request's links are built under.
 */
export function httpCachingPlugin<TContext extends BaseContext>(
  source: GenerationSource,
  maxAgeSeconds: number,
  baseOf: (context: TContext) => string | null,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: () => {
      const before = source.generation();
      return Promise.resolve({
        willSendResponse: ({ request, response, operation, errors, contextValue }) => {
          const headers = response.http.headers;
          const generation = source.generation();
          const succeeded = !errors?.length && response.body.kind === 'single' && !response.body.singleResult.errors?.length;
          const cacheable = request.http?.method === 'GET' && operation?.operation === 'query' && succeeded && maxAgeSeconds > 0;
          // An answer read while the graph changed may mix the two: tagged with neither.
          if (!cacheable || generation === null || generation !== before) {
            headers.set('cache-control', 'no-store');
            return Promise.resolve();
          }
          const credential = credentialOf((name) => request.http!.headers.get(name));
          const tag = entityTag(generation, request.http!.search, { credential, base: baseOf(contextValue) });
          for (const [name, value] of Object.entries(cacheHeaders(credential, maxAgeSeconds, tag))) headers.set(name, value);
          return Promise.resolve();
        },
      });
    },
  };
}
