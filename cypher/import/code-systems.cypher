UNWIND $rows AS row
MERGE (s:CodeSystem {id: row.id})
WITH s, row
CALL (s, row) {
  WITH s, row
  WHERE any(k IN keys(row.properties) WHERE NOT coalesce(s[k] = row.properties[k], s[k] IS NULL AND row.properties[k] IS NULL))
  SET s += row.properties
}
WITH s, row
UNWIND row.maintainedBy AS orgId
MATCH (o:Organization {id: orgId})
MERGE (s)-[:MAINTAINED_BY]->(o)
