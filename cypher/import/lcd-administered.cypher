// Each LCD article -[:ADMINISTERED_BY]-> its contractors (article_x_contractor); a contractor the
// article no longer names loses its edge.
UNWIND $rows AS row
MATCH (p:Policy {id: row.policy})
CALL (p, row) {
  UNWIND row.contractors AS id
  MATCH (c:Contractor {id: id})
  MERGE (p)-[:ADMINISTERED_BY]->(c)
}
CALL (p, row) {
  MATCH (p)-[a:ADMINISTERED_BY]->(c:Contractor)
  WHERE NOT c.id IN row.contractors
  DELETE a
}
