// Labels: Code, the role (Diagnosis or Procedure) and the system (ICD10CM, CPT, ...).
UNWIND $rows AS row
MERGE (c:Code {system: row.system, code: row.code})
SET c.display = row.display, c.shortDisplay = row.shortDisplay, c.billable = row.billable,
    c.kind = row.kind, c.role = row.role,
    c:$(row.labels)
WITH c, row
MATCH (r:Release {id: $releaseId})
MERGE (c)-[:VALID_IN]->(r)
