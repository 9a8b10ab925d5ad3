// The procedure codes each policy governs (with the dates of each), in code order.
UNWIND $ids AS id
MATCH (p:Policy {id: id})
RETURN id AS key,
       COLLECT {
         MATCH (p)-[g:GOVERNS]->(c:Code)
         RETURN {code: c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: c:Retired},
                 effectiveFrom: toString(g.effectiveFrom), effectiveTo: toString(g.effectiveTo)}
         ORDER BY c.code
       } AS governs
