UNWIND $keys AS k
MATCH (:Code {system: k.system, code: k.code})<-[:CHILD_OF]-(c:Code:Published)
WITH k, c ORDER BY c.code
RETURN k.system + '|' + k.code AS key,
       collect(c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor}) AS codes
