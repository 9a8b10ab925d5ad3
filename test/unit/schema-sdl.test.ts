import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';
import { createSchema, printSdl } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run npm run schema:emit after changing a type)', async () => {
    const checkedIn = fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(printSdl(await createSchema())).toBe(checkedIn);
  });
});
