// Code -> code. The note kind is the relationship type; the text is part of its identity.
UNWIND $rows AS row
MATCH (a:Code {system: row.system, code: row.from}), (b:Code {system: row.system, code: row.target})
MERGE (a)-[:$(row.kind) {text: row.text}]->(b)
