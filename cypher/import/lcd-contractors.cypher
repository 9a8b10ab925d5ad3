// Medicare contractors of the LCD articles and the states of their jurisdictions:
// (:Contractor {id, contractorId, typeId, type, name, number})-[:SERVES {activeFrom, activeTo}]->(:State {abbrev, name}).
// A state the contractor no longer serves loses its SERVES edge.
UNWIND $rows AS row
MERGE (c:Contractor {id: row.id})
WITH c, row, row.props AS given
WITH c, row, given {.*, contractorId: toInteger(given.contractorId), typeId: toInteger(given.typeId), version: toInteger(given.version)} AS props
CALL (c, props) {
  WITH c, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(c[k] = props[k], c[k] IS NULL AND props[k] IS NULL))
  SET c += props
}
CALL (c, row) {
  UNWIND row.states AS st
  MERGE (s:State {abbrev: st.abbrev})
  WITH c, s, st
  CALL (s, st) {
    WITH s, st
    WHERE NOT coalesce(s.name = st.name, false)
    SET s.name = st.name
  }
  MERGE (c)-[v:SERVES]->(s)
  WITH v, {activeFrom: date(st.activeFrom), activeTo: date(st.activeTo)} AS props
  CALL (v, props) {
    WITH v, props
    WHERE any(k IN keys(props) WHERE NOT coalesce(v[k] = props[k], v[k] IS NULL AND props[k] IS NULL))
    SET v += props
  }
}
CALL (c, row) {
  MATCH (c)-[v:SERVES]->(s:State)
  WHERE NOT s.abbrev IN [st IN row.states | st.abbrev]
  DELETE v
}
