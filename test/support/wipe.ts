import type { Driver } from 'neo4j-driver';

/** Empties a test database. CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery. */
export async function wipeDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}
