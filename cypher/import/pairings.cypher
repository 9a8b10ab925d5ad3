UNWIND $rows AS row
MATCH (dx:Code {system: row.diagnosis.system, code: row.diagnosis.code}),
      (px:Code {system: row.procedure.system, code: row.procedure.code})
MERGE (p:Pairing {id: row.id})
WITH p, dx, px, {source: row.source, author: row.author, createdAt: datetime(row.createdAt), rationale: row.rationale} AS props
CALL (p, props) {
  WITH p, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(p[k] = props[k], p[k] IS NULL AND props[k] IS NULL))
  SET p += props
}
MERGE (p)-[:DIAGNOSIS]->(dx)
MERGE (p)-[:PROCEDURE]->(px)
