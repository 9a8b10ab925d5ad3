/**
 * npm run neo4j:start | neo4j:stop | neo4j:status | neo4j:install
 * Controls the embedded Neo4j for the configured home (NEO4J_HOME, default .data/neo4j) and
 * port (NEO4J_BOLT_PORT, default 7687). Started with neo4j:start, it runs until neo4j:stop.
 */
import { loadConfig } from '../../src/config';
import { ensureLauncherBuilt, launcherLogFile, runningPid, startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../../src/neo4j/embedded';

async function main(command: string | undefined): Promise<number> {
  const { embedded } = loadConfig();
  const say = (line: string) => console.log(line);
  switch (command) {
    case 'install':
      ensureLauncherBuilt(say);
      say('Neo4j launcher resolved and built (scripts/neo4j/target).');
      return 0;
    case 'start': {
      const started = await startEmbeddedNeo4j(embedded, { detached: true, log: say });
      say(
        started.startedByUs
          ? `Neo4j started (pid ${started.pid}) in ${(started.millis / 1000).toFixed(1)} s: bolt://127.0.0.1:${embedded.boltPort}, store ${embedded.home}, log ${launcherLogFile(embedded.home)}`
          : `Neo4j was already running (pid ${started.pid}) on bolt://127.0.0.1:${embedded.boltPort}`,
      );
      return 0;
    }
    case 'stop': {
      const began = Date.now();
      const stopped = await stopEmbeddedNeo4j(embedded.home);
      say(stopped ? `Neo4j stopped cleanly in ${((Date.now() - began) / 1000).toFixed(1)} s.` : `No embedded Neo4j was running for ${embedded.home}.`);
      return 0;
    }
    case 'status': {
      const pid = runningPid(embedded.home);
      say(pid === null ? `not running (${embedded.home})` : `running, pid ${pid}, bolt://127.0.0.1:${embedded.boltPort}`);
      return pid === null ? 1 : 0;
    }
    default:
      console.error(`usage: neo4j install|start|stop|status (got ${JSON.stringify(command ?? '')})`);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
