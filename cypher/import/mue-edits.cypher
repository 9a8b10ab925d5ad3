// Code -[:MUE {units, adjudication, ...}]-> the EditSet it comes from: one per code and set.
UNWIND $rows AS row
MATCH (s:EditSet {id: $set}), (c:Code {system: row.system, code: row.code})
MERGE (c)-[m:MUE {setId: $set}]->(s)
WITH m, row.props AS p
WITH m, p {.*, units: toInteger(p.units), adjudication: toInteger(p.adjudication)} AS props
CALL (m, props) {
  WITH m, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(m[k] = props[k], m[k] IS NULL AND props[k] IS NULL))
  SET m += props
}
