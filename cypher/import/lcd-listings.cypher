// LCD article -[:LISTS {key, status, listedAs, via, group, groupKind, asterisk, ...}]-> each diagnosis a
// covered (status COVERED) or non-covered (NOT_MEDICALLY_NECESSARY) group lists, in the NCD shape;
// `key` (group kind, group, entry as listed) tells apart two entries that reach the same code.
UNWIND $rows AS row
MATCH (p:Policy {id: row.policy}), (c:Code {system: row.system, code: row.code})
MERGE (p)-[l:LISTS {key: row.key}]->(c)
WITH l, row.props AS given
WITH l, given {.*, group: toInteger(given.group), effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo)} AS props
CALL (l, props) {
  WITH l, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(l[k] = props[k], l[k] IS NULL AND props[k] IS NULL))
  SET l += props
}
