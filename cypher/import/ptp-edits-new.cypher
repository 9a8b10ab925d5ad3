// ptp-edits for an edit set that holds no edge yet (edit-set-begin said `fresh`): CREATE instead of
// MERGE, since there is no edge to find. Only the first row of each edge (column 1, column 2, key)
// comes here; a repeat goes through ptp-edits once this batch is committed, so the graph is the one
// ptp-edits alone would build.
UNWIND $rows AS row
MATCH (a:Code {system: row.system1, code: row.code1}), (b:Code {system: row.system2, code: row.code2})
CREATE (a)-[e:PTP_EDIT {key: row.key}]->(b)
WITH e, row.props AS given
SET e += given {.*, modifierIndicator: toInteger(given.modifierIndicator), effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo)}
