// A "no map" GEM entry (NoDx, NoPCS, NoI9): the source code -[:MAPS_TO {noMap: true}]-> the target
// system's CodeSystem node, so the entry and its flags are kept although it names no code.
UNWIND $rows AS row
MATCH (s:Code {system: row.fromSystem, code: row.source}), (t:CodeSystem {id: row.toSystem})
MERGE (s)-[m:MAPS_TO {key: row.key}]->(t)
WITH m, row.props AS given
WITH m, given {.*, scenario: toInteger(given.scenario), choiceList: toInteger(given.choiceList)} AS props
CALL (m, props) {
  WITH m, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(m[k] = props[k], false))
  SET m += props
}
