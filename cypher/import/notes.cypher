UNWIND $rows AS row
MATCH (a:Code {system: row.system, code: row.from}), (b:Code {system: row.system, code: row.target})
MERGE (a)-[n:$(row.kind) {text: row.text}]->(b)
