UNWIND $rows AS row
MERGE (s:CodeSystem {id: row.id})
SET s += row.properties
WITH s, row
UNWIND row.maintainedBy AS orgId
MATCH (o:Organization {id: orgId})
MERGE (s)-[:MAINTAINED_BY]->(o)
