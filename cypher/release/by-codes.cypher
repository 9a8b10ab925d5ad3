// Releases each code is valid in (complete ones only), oldest first; with the one whose addenda
// added it, and the title revisions its addenda record.
UNWIND $keys AS k
MATCH (c:Code:Published {system: k.system, code: k.code})
RETURN k.system + '|' + k.code AS key,
       COLLECT { MATCH (c)-[:VALID_IN]->(r:Release {status: 'complete'}) RETURN r.id ORDER BY r.effectiveFrom, r.id } AS validIn,
       COLLECT { MATCH (c)-[:ADDED_IN]->(r:Release {status: 'complete'}) RETURN r.id } AS addedIn,
       COLLECT { MATCH (c)-[v:REVISED_IN]->(r:Release {status: 'complete'}) RETURN {release: r.id, from: v.from, to: v.to} ORDER BY r.effectiveFrom } AS revisions
