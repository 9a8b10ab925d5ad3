// The release's addenda list the code as new in this release.
UNWIND $rows AS row
MATCH (c:Code {system: row.system, code: row.code}), (r:Release {id: $releaseId})
MERGE (c)-[:ADDED_IN]->(r)
