import http from 'node:http';
import { readNeo4jTarget, type Neo4jTarget } from '../../../src/config';

/**
 * The contenders' common start: listen on loopback at PORT (0 for any), print
 * `listening <port>` on stdout for the benchmark, and close on SIGTERM.
 */
export async function serve(server: http.Server, close: () => Promise<void>): Promise<void> {
  const port = Number(process.env.PORT ?? 0);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
  process.on('SIGTERM', () => {
    server.close();
    void close().finally(() => process.exit(0));
  });
}

/** The Neo4j the benchmark uses: NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), as for the service. */
export function benchTarget(): Neo4jTarget {
  const target = readNeo4jTarget(process.env);
  if (!target) throw new Error('NEO4J_URI must name the benchmark Neo4j');
  return target;
}
