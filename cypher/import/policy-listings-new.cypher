// policy-listings for a policy that lists nothing yet (policies-fresh): CREATE instead of MERGE,
// since there is no listing to find. Only the first row of each listing (code and key) comes here; a
// repeat goes through policy-listings once this batch is committed, so the graph is the one
// policy-listings alone would build.
UNWIND $rows AS row
MATCH (p:Policy {id: $policy}), (c:Code {system: row.system, code: row.code})
CREATE (p)-[l:LISTS {key: row.key}]->(c)
WITH l, row.props AS given
SET l += given {.*, effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo)}
