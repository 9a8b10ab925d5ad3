UNWIND $keys AS k
MATCH (:Code {system: k.system, code: k.code})-[:CHILD_OF]->(p:Code:Published)
RETURN k.system + '|' + k.code AS key,
       p {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor} AS code
