import { describe, expect, it } from 'vitest';
import { CypherLibrary, splitStatements } from '../../src/neo4j/cypher-library';

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    expect(splitStatements('// schema\nCREATE INDEX a;\nCREATE INDEX b;\n')).toEqual(['CREATE INDEX a', 'CREATE INDEX b']);
  });

  it('keeps a semicolon inside a line', () => {
    expect(splitStatements("RETURN 'a;b' AS x")).toEqual(["RETURN 'a;b' AS x"]);
  });
});

describe('CypherLibrary', () => {
  it('names statements by their path under cypher/ without the extension', () => {
    const library = new CypherLibrary();
    expect(library.names()).toContain('code/by-keys');
    expect(library.get('code/by-keys')).toMatch(/^UNWIND \$keys AS k/);
  });

  it('says which file is missing when asked for an unknown statement', () => {
    expect(() => new CypherLibrary().get('code/nope')).toThrow('no Cypher file cypher/code/nope.cypher');
  });
});
