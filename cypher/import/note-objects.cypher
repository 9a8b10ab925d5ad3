// One node per instructional note (issue 16): kind, full text and its place among the owner's notes,
// stated on a code (row.fromCategory false) or on a block or chapter. Properties are written only
// when they differ (see codes.cypher). A note that names no code keeps its text all the same.
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Code {system: row.system, code: row.from}) WHERE NOT row.fromCategory RETURN c AS owner
  UNION
  MATCH (c:Category {id: row.from}) WHERE row.fromCategory RETURN c AS owner
}
MERGE (n:Note {id: row.id})
WITH n, row, owner
CALL (n, row) {
  WITH n, row
  WHERE any(k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL))
  SET n += row.props
}
MERGE (owner)-[:HAS_NOTE]->(n)
