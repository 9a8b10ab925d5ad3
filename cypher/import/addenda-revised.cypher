// The release's addenda revised the code's title from one text to another.
UNWIND $rows AS row
MATCH (c:Code {system: row.system, code: row.code}), (r:Release {id: $releaseId})
MERGE (c)-[:REVISED_IN {from: row.from, to: row.to}]->(r)
