// Code -> category (a note naming a block or chapter, e.g. "(E08-E13)").
UNWIND $rows AS row
MATCH (a:Code {system: row.system, code: row.from}), (b:Category {id: row.target})
MERGE (a)-[:$(row.kind) {text: row.text}]->(b)
