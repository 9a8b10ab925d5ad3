import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';
import { codeKeyString, cypherCodeKey } from '../../src/domain/code-key';
import { CodeSystemId } from '../../src/domain/code-system-id';

function cypherFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? cypherFiles(full) : entry.name.endsWith('.cypher') ? [full] : [];
  });
}

describe('the code key codec', () => {
  it('writes a code key as system|code', () => {
    expect(codeKeyString({ system: CodeSystemId.ICD10CM, code: 'E11.9' })).toBe('ICD10CM|E11.9');
  });

  it('writes the same key in Cypher for a variable', () => {
    expect(cypherCodeKey('k')).toBe("k.system + '|' + k.code");
  });

  it('is the form of every system|code key a .cypher file builds', () => {
    const built = cypherFiles(path.join(PROJECT_ROOT, 'cypher')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/(\w+)\.system \+ '([^']*)' \+ (\w+)\.code/g)].map((m) => ({
        file: path.relative(PROJECT_ROOT, file),
        text: m[0],
        variable: m[1],
        other: m[3],
      })),
    );
    expect(built.length).toBeGreaterThanOrEqual(15);
    for (const key of built) expect({ file: key.file, text: key.text }).toEqual({ file: key.file, text: cypherCodeKey(key.variable) });
    expect(built.filter((key) => key.variable !== key.other)).toEqual([]);
  });
});
