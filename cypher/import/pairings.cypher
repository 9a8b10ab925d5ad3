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
// While active, the pair's key is unique (curation-add relies on it).
CALL (p, dx, px) {
  WITH p, dx, px
  WHERE p.retiredAt IS NULL AND p.activeKey IS NULL
  SET p.activeKey = dx.system + '|' + dx.code + '|' + px.system + '|' + px.code
}
MERGE (p)-[:DIAGNOSIS]->(dx)
MERGE (p)-[:PROCEDURE]->(px)
