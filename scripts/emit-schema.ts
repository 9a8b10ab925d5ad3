/** npm run schema:emit: writes schema/schema.graphql from the code. A test fails when it is stale. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { createSchema, printSdl } from '../src/schema';

export const SDL_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

void createSchema().then((schema) => {
  fs.writeFileSync(SDL_FILE, printSdl(schema));
  console.log(`wrote ${path.relative(process.cwd(), SDL_FILE)}`);
});
