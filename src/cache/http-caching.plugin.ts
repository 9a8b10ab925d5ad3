import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { cacheHeaders, credentialOf, entityTag, type GenerationSource } from './http-caching';

/**
 * Sets Cache-Control on every GraphQL answer (this plugin owns it: Apollo's cache-control plugin is
 * off). A query over GET that succeeded, on a graph whose generation is known, may be kept for
 * `maxAgeSeconds` and carries the entity tag notModified() compares; anything else is no-store.
 */
export function httpCachingPlugin<TContext extends BaseContext>(source: GenerationSource, maxAgeSeconds: number): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ request, response, operation, errors }) => {
          const headers = response.http.headers;
          const generation = source.generation();
          const succeeded = !errors?.length && response.body.kind === 'single' && !response.body.singleResult.errors?.length;
          if (request.http?.method !== 'GET' || operation?.operation !== 'query' || !succeeded || generation === null || maxAgeSeconds === 0) {
            headers.set('cache-control', 'no-store');
            return Promise.resolve();
          }
          const credential = credentialOf((name) => request.http!.headers.get(name));
          for (const [name, value] of Object.entries(cacheHeaders(credential, maxAgeSeconds, entityTag(generation, request.http.search, credential))))
            headers.set(name, value);
          return Promise.resolve();
        },
      }),
  };
}
