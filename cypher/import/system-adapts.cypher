UNWIND $rows AS row
MATCH (s:CodeSystem {id: row.id}), (t:CodeSystem {id: row.adapts})
MERGE (s)-[:ADAPTS]->(t)
