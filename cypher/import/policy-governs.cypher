// Policy -> the procedure codes it governs, with the dates the list gives for each code.
UNWIND $rows AS row
MATCH (p:Policy {id: row.policy}), (c:Code {system: row.system, code: row.code})
MERGE (p)-[g:GOVERNS]->(c)
WITH g, {effectiveFrom: date(row.effectiveFrom), effectiveTo: date(row.effectiveTo)} AS props
CALL (g, props) {
  WITH g, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(g[k] = props[k], g[k] IS NULL AND props[k] IS NULL))
  SET g += props
}
