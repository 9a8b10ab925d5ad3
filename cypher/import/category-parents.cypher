UNWIND $rows AS row
MATCH (c:Category {id: row.id}), (p:Category {id: row.parent})
MERGE (c)-[:PART_OF]->(p)
