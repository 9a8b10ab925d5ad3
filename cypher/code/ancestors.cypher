// Nearest first.
UNWIND $keys AS k
MATCH path = (:Code {system: k.system, code: k.code})-[:CHILD_OF*1..]->(a:Code:Published)
WITH k, a, length(path) AS depth ORDER BY depth
RETURN k.system + '|' + k.code AS key,
       collect(a {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor}) AS codes
