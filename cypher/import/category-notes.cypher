// Category -> code (a chapter's or block's note naming a code).
UNWIND $rows AS row
MATCH (a:Category {id: row.from}), (b:Code {system: row.system, code: row.target})
MERGE (a)-[:$(row.kind) {text: row.text}]->(b)
