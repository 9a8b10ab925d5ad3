// gem-mappings for a crosswalk that holds no edge yet (crosswalk-begin said `fresh`): CREATE instead
// of MERGE, since there is no edge to find. Only the first row of each edge (source, target, key)
// comes here; a repeat of one goes through gem-mappings once this batch is committed, so the graph
// is the one gem-mappings alone would build.
UNWIND $rows AS row
MATCH (s:Code {system: row.fromSystem, code: row.source}), (t:Code {system: row.toSystem, code: row.target})
CREATE (s)-[m:MAPS_TO {key: row.key}]->(t)
WITH m, row.props AS given
SET m += given {.*, scenario: toInteger(given.scenario), choiceList: toInteger(given.choiceList)}
