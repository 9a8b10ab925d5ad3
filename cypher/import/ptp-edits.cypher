// Column 1 code -[:PTP_EDIT]-> column 2 code, one relationship per edit of a set (key: set and
// effective date, as a pair may return in a later window). Properties are set only when they differ,
// so a second import of the same file changes nothing.
UNWIND $rows AS row
MATCH (a:Code {system: row.system1, code: row.code1}), (b:Code {system: row.system2, code: row.code2})
MERGE (a)-[e:PTP_EDIT {key: row.key}]->(b)
WITH e, row.props AS given
WITH e, given {.*, modifierIndicator: toInteger(given.modifierIndicator), effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo)} AS props
CALL (e, props) {
  WITH e, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(e[k] = props[k], e[k] IS NULL AND props[k] IS NULL))
  SET e += props
}
