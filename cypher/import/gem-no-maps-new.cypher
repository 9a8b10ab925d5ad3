// gem-no-maps for a crosswalk that holds no edge yet (see gem-mappings-new): CREATE instead of MERGE,
// first rows of each edge only.
UNWIND $rows AS row
MATCH (s:Code {system: row.fromSystem, code: row.source}), (t:CodeSystem {id: row.toSystem})
CREATE (s)-[m:MAPS_TO {key: row.key}]->(t)
WITH m, row.props AS given
SET m += given {.*, scenario: toInteger(given.scenario), choiceList: toInteger(given.choiceList)}
