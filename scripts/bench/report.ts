import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/** "2 cores, 24 GB, Node v20.20.2": the machine a benchmark ran on. */
export function machineDescription(): string {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

/** Writes a benchmark's result to .data/bench/<name>.json and returns the path. */
export function writeBenchResult(name: string, result: unknown): string {
  const dir = path.join(PROJECT_ROOT, '.data', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Runs a benchmark's main, printing the message and exiting 1 when it fails. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
