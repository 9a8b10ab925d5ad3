UNWIND $rows AS row
MATCH (s:CodeSystem {id: row.system})
MERGE (c:Category {id: row.id})
SET c += row.properties
MERGE (c)-[:IN_SYSTEM]->(s)
