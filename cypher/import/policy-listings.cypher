// Policy -> each diagnosis an entry of its list matches. `key` (entry as listed, dates, status)
// tells apart two entries that reach the same code; `via` says how (CODE, RANGE, CATEGORY).
UNWIND $rows AS row
MATCH (p:Policy {id: $policy}), (c:Code {system: row.system, code: row.code})
MERGE (p)-[l:LISTS {key: row.key}]->(c)
WITH l, row.props AS given
WITH l, given {.*, effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo)} AS props
CALL (l, props) {
  WITH l, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(l[k] = props[k], l[k] IS NULL AND props[k] IS NULL))
  SET l += props
}
