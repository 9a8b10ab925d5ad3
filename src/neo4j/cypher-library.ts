import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/**
 * Every `.cypher` file under cypher/, read once at start and named by its path without the
 * extension (`code/by-keys`). Repositories ask for statements by name; nothing builds Cypher text.
 */
export class CypherLibrary {
  private readonly statements = new Map<string, string>();

  constructor(dir: string = CYPHER_DIR) {
    for (const file of listCypherFiles(dir)) {
      const name = path
        .relative(dir, file)
        .replace(/\\/g, '/')
        .replace(/\.cypher$/, '');
      this.statements.set(name, fs.readFileSync(file, 'utf8').trim());
    }
  }

  get(name: string): string {
    const text = this.statements.get(name);
    if (text === undefined) throw new Error(`no Cypher file cypher/${name}.cypher`);
    return text;
  }

  /** A file holding several statements separated by `;` (schema files), split into statements. */
  statementsOf(name: string): string[] {
    return splitStatements(this.get(name));
  }

  names(): string[] {
    return [...this.statements.keys()].sort();
  }
}

/** Splits on `;` at line ends, dropping `//` comment lines. Schema files keep one statement per block. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

function listCypherFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listCypherFiles(full);
    return entry.name.endsWith('.cypher') ? [full] : [];
  });
}
