import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../src/common/logger';
import { createSchema } from '../../src/schema';
import { startService, type RunningService } from '../../src/server';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
let service: RunningService;
let ready = true;
beforeAll(async () => {
  h = await createHarness();
  service = await startService(
    { schema: await createSchema(), executor: h.executor, logger: logger.child({}, { level: 'silent' }), databaseReady: async () => ready },
    '127.0.0.1',
    0,
  );
});
afterAll(async () => {
  await service.stop();
  await h.close();
});

async function post(body: unknown) {
  const response = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> } };
}

describe('the HTTP service', () => {
  it('serves GraphQL over HTTP at /graphql', async () => {
    const { status, body } = await post({ query: '{ code(code: "99213") { code systemId } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { code: { code: '99213', systemId: 'CPT' } } });
  });

  it('answers a query that does not parse with GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await post({ query: '{ code(code: ' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a query for an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const { body } = await post({ query: '{ nothing }' });
    expect(body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reports liveness, and readiness that follows the database', async () => {
    expect((await fetch(service.url.replace('/graphql', '/health/live'))).status).toBe(200);
    expect((await fetch(service.url.replace('/graphql', '/health/ready'))).status).toBe(200);
    ready = false;
    const down = await fetch(service.url.replace('/graphql', '/health/ready'));
    ready = true;
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', neo4j: 'down' });
  });
});
