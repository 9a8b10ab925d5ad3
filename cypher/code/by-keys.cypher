UNWIND $keys AS k
MATCH (c:Code:Published {system: k.system, code: k.code})
RETURN k.system + '|' + k.code AS key,
       c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor} AS code
