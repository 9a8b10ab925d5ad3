// The complete policies that govern each procedure code (any date), by id.
UNWIND $keys AS k
MATCH (c:Code {system: k.system, code: k.code})
RETURN k.system + '|' + k.code AS key,
       COLLECT { MATCH (p:Policy {status: 'complete', kind: 'NCD'})-[:GOVERNS]->(c) RETURN p.id ORDER BY p.id } AS policies
