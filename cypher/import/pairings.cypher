UNWIND $rows AS row
MATCH (dx:Code {system: row.diagnosis.system, code: row.diagnosis.code}),
      (px:Code {system: row.procedure.system, code: row.procedure.code})
MERGE (p:Pairing {id: row.id})
SET p.source = row.source, p.author = row.author, p.createdAt = datetime(row.createdAt), p.rationale = row.rationale
MERGE (p)-[:DIAGNOSIS]->(dx)
MERGE (p)-[:PROCEDURE]->(px)
