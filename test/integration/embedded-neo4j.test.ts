import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { launcherLogFile, runningPid, startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { CypherExecutor } from '../../src/neo4j/executor';
import { DatabaseUnavailable } from '../../src/domain/database-errors';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the embedded Neo4j', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-lifecycle-'));
  afterAll(async () => {
    await stopEmbeddedNeo4j(home);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('starts within 30 s, is reused rather than started twice, stops cleanly on SIGTERM (queries then fail fast with SERVICE_UNAVAILABLE), and serves the intact store again after a restart', async () => {
    const options = { home, boltPort: await freePort() };
    const first = await startEmbeddedNeo4j(options, { readyTimeoutMs: 30_000 });
    expect(first.startedByUs).toBe(true);
    expect(first.millis).toBeLessThan(30_000);
    expect(fs.readFileSync(path.join(home, 'neo4j.conf'), 'utf8')).toContain(`server.bolt.listen_address=127.0.0.1:${options.boltPort}`);
    // A second start for the same store reuses the running Neo4j instead of starting another.
    expect(await startEmbeddedNeo4j(options)).toMatchObject({ startedByUs: false, pid: first.pid });

    const driver = neo4j.driver(`bolt://127.0.0.1:${options.boltPort}`);
    try {
      await driver.executeQuery('CREATE (:Probe {value: $value})', { value: 'kept across restarts' });
    } finally {
      await driver.close();
    }
    // The service's own driver and executor stay open across the outage, as in a running service.
    const serviceDriver = createDriver(
      { uri: `bolt://127.0.0.1:${options.boltPort}`, user: 'neo4j', password: '', database: 'neo4j' },
      { connectTimeoutMs: 2_000 },
    );
    const executor = new CypherExecutor(serviceDriver, 'neo4j', new CypherLibrary(), 5_000);
    try {
      expect(await executor.read('import/graph-state')).toEqual([{ noSystems: true, noReleases: true }]);
      expect(await stopEmbeddedNeo4j(home)).toBe(true);
      expect(runningPid(home)).toBeNull();
      expect(fs.readFileSync(launcherLogFile(home), 'utf8')).toContain('STOPPED: store closed cleanly');

      const down = Date.now();
      await expect(executor.read('import/graph-state')).rejects.toBeInstanceOf(DatabaseUnavailable);
      expect(Date.now() - down).toBeLessThan(10_000);

      const second = await startEmbeddedNeo4j(options, { readyTimeoutMs: 30_000 });
      expect(second.startedByUs).toBe(true);
      // The same driver answers again once Neo4j is back: no restart of the service needed.
      expect(await executor.read('import/graph-state')).toEqual([{ noSystems: true, noReleases: true }]);
      const { records } = await serviceDriver.executeQuery('MATCH (p:Probe) RETURN p.value AS value');
      expect(records.map((r) => r.get('value'))).toEqual(['kept across restarts']);
    } finally {
      await serviceDriver.close();
    }
    expect(await stopEmbeddedNeo4j(home)).toBe(true);
  });

  it('refuses to start on a port another program holds, naming the port and the way out', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    const otherHome = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-busy-'));
    try {
      await expect(startEmbeddedNeo4j({ home: otherHome, boltPort: port })).rejects.toThrow(
        `port ${port} is already taken by another program; set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use that server`,
      );
    } finally {
      blocker.close();
      fs.rmSync(otherHome, { recursive: true, force: true });
    }
  });
});
