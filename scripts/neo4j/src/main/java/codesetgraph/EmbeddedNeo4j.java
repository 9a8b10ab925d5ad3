package codesetgraph;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community embedded, with its Bolt connector, until SIGTERM/SIGINT.
 *
 * Usage: EmbeddedNeo4j HOME_DIR CONF_FILE
 * CONF_FILE is a neo4j.conf that src/neo4j/embedded.ts writes from scripts/neo4j/neo4j.config.json;
 * nothing is configured here. Prints one line starting with "READY" once the database is available.
 */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbeddedNeo4j HOME_DIR CONF_FILE");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Path conf = Path.of(args[1]).toAbsolutePath();

    long started = System.nanoTime();
    // The hook is in place before the database starts, so a SIGTERM during start-up also waits
    // for a clean shutdown rather than killing the store mid-recovery.
    AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Blocks while main() is still inside build(), then shuts down what it built.
                  synchronized (running) {
                    DatabaseManagementService service = running.get();
                    if (service != null) {
                      System.out.println("STOPPING: shutting the database down");
                      service.shutdown();
                      System.out.println("STOPPED: store closed cleanly");
                      System.out.flush();
                    }
                  }
                  stopped.countDown();
                },
                "neo4j-shutdown"));
    synchronized (running) {
      running.set(new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build());
    }
    DatabaseManagementService service = running.get();

    GraphDatabaseService db = service.database("neo4j");
    if (!db.isAvailable(120_000)) {
      System.err.println("FAILED: database did not become available within 120 s");
      System.exit(1);
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.println("READY in " + ms + " ms");
    System.out.flush();
    stopped.await();
  }
}
