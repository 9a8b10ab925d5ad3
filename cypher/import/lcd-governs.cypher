// LCD article -[:GOVERNS {groups, listedAs, effectiveFrom, effectiveTo}]-> each procedure code of its
// procedure groups, in the NCD shape (a code in two groups: one edge naming both).
UNWIND $rows AS row
MATCH (p:Policy {id: row.policy}), (c:Code {system: row.system, code: row.code})
MERGE (p)-[g:GOVERNS]->(c)
WITH g, row.props AS given
WITH g, given {.*, groups: [g IN given.groups | toInteger(g)], effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo)} AS props
CALL (g, props) {
  WITH g, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(g[k] = props[k], g[k] IS NULL AND props[k] IS NULL))
  SET g += props
}
