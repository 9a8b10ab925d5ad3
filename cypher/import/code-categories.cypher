UNWIND $rows AS row
MATCH (c:Code {system: row.system, code: row.code}), (cat:Category {id: row.category})
MERGE (c)-[:IN_CATEGORY]->(cat)
