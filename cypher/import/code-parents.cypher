UNWIND $rows AS row
MATCH (c:Code {system: row.system, code: row.code}), (p:Code {system: row.system, code: row.parent})
MERGE (c)-[:CHILD_OF]->(p)
