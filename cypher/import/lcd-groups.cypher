// The code groups of LCD articles: (:Policy)-[:HAS_GROUP]->(:CodeGroup {id, kind, number, paragraph,
// requiresGroups, ...}); kind PROCEDURE (hcpc_code_group), COVERED or NONCOVERED (ICD-10-CM).
UNWIND $rows AS row
MATCH (p:Policy {id: row.policy})
MERGE (g:CodeGroup {id: row.id})
WITH p, g, row.props AS given
WITH p, g, given {.*, number: toInteger(given.number), requiresGroups: [n IN given.requiresGroups | toInteger(n)]} AS props
CALL (g, props) {
  WITH g, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(g[k] = props[k], g[k] IS NULL AND props[k] IS NULL))
  SET g += props
}
MERGE (p)-[:HAS_GROUP]->(g)
