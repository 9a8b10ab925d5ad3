// Source code -[:MAPS_TO]-> target code, one edge per GEM entry. The key (crosswalk, scenario,
// choice list) tells apart the entries of one pair of codes in one file (a target may be an option of
// several scenarios). Every flag is kept; properties are set only when they differ, so importing the
// same file again changes nothing.
UNWIND $rows AS row
MATCH (s:Code {system: row.fromSystem, code: row.source}), (t:Code {system: row.toSystem, code: row.target})
MERGE (s)-[m:MAPS_TO {key: row.key}]->(t)
WITH m, row.props AS given
WITH m, given {.*, scenario: toInteger(given.scenario), choiceList: toInteger(given.choiceList)} AS props
CALL (m, props) {
  WITH m, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(m[k] = props[k], false))
  SET m += props
}
