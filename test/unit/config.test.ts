import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('uses the embedded Neo4j on port 7687 and GraphQL on port 4000 when nothing is set', () => {
    const config = loadConfig({});
    expect(config.externalNeo4j).toBeNull();
    expect(config.embedded.boltPort).toBe(7687);
    expect(config.port).toBe(4000);
  });

  it('uses the server from NEO4J_URI, routing schemes included', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'codes' });
    expect(config.externalNeo4j).toEqual({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'reader', password: 'pw', database: 'codes' });
  });

  it('rejects a NEO4J_URI with a scheme the driver does not speak, naming the value', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(new ConfigError('NEO4J_URI must use one of bolt: bolt+s: bolt+ssc: neo4j: neo4j+s: neo4j+ssc:, got "http://localhost:7474"'));
  });

  it('rejects a PORT that is not a port number, naming the value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a whole number from 0 to 65535, got "eighty"');
    expect(() => loadConfig({ NEO4J_BOLT_PORT: '70000' })).toThrow('NEO4J_BOLT_PORT must be a whole number from 1 to 65535, got "70000"');
  });

  it('rejects a flag that is neither true nor false', () => {
    expect(() => loadConfig({ LOAD_SAMPLE_WHEN_EMPTY: 'maybe' })).toThrow('LOAD_SAMPLE_WHEN_EMPTY must be true or false, got "maybe"');
  });

  it('keeps a 64 MB answer cache checked every second by default, sized by CODESET_CACHE_MB and off at 0', () => {
    expect(loadConfig({}).cache).toEqual({ maxBytes: 64 * 1024 * 1024, checkIntervalMs: 1000 });
    expect(loadConfig({ CODESET_CACHE_MB: '8', CODESET_CACHE_CHECK_MS: '250' }).cache).toEqual({ maxBytes: 8 * 1024 * 1024, checkIntervalMs: 250 });
    expect(loadConfig({ CODESET_CACHE_MB: '0' }).cache).toBeNull();
    expect(() => loadConfig({ CODESET_CACHE_MB: 'lots' })).toThrow('CODESET_CACHE_MB must be a whole number from 0 to 4096, got "lots"');
    expect(() => loadConfig({ CODESET_CACHE_CHECK_MS: '5' })).toThrow('CODESET_CACHE_CHECK_MS must be a whole number from 100 to 600000, got "5"');
  });
});
