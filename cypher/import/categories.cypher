// Properties are written only when they differ (see codes.cypher).
UNWIND $rows AS row
MATCH (s:CodeSystem {id: row.system})
MERGE (c:Category {id: row.id})
WITH c, row, s
CALL (c, row) {
  WITH c, row
  WHERE any(k IN keys(row.properties) WHERE NOT coalesce(c[k] = row.properties[k], c[k] IS NULL AND row.properties[k] IS NULL))
  SET c += row.properties
}
MERGE (c)-[:IN_SYSTEM]->(s)
