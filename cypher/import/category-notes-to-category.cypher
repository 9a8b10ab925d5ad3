// Category -> category.
UNWIND $rows AS row
MATCH (a:Category {id: row.from}), (b:Category {id: row.target})
MERGE (a)-[:$(row.kind) {text: row.text}]->(b)
