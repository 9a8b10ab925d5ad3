// One page of every code below each key (all levels), in code order, with the total count.
UNWIND $keys AS k
MATCH (p:Code {system: k.system, code: k.code})
CALL (p) {
  MATCH (d:Code:Published)-[:CHILD_OF*1..]->(p)
  WHERE NOT $billableOnly OR d.billable
  WITH DISTINCT d ORDER BY d.code
  RETURN count(d) AS total, collect(d {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor})[$skip..$skip + $limit] AS codes
}
RETURN k.system + '|' + k.code AS key, total, codes
