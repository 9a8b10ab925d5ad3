// Level II modifiers (HCPCS GA, LT), valid in the release. Properties written only when they differ.
UNWIND $rows AS row
MERGE (m:Modifier {system: row.system, code: row.code})
WITH m, row
CALL (m, row) {
  WITH m, row
  WHERE any(k IN keys(row.props) WHERE NOT coalesce(m[k] = row.props[k], m[k] IS NULL AND row.props[k] IS NULL))
  SET m += row.props
}
WITH m
MATCH (r:Release {id: $releaseId})
MERGE (m)-[:VALID_IN]->(r)
