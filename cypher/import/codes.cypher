// Labels: Code, the role (Diagnosis or Procedure) and the system (ICD10CM, CPT, ...). Properties are
// written only when they differ, so importing the same file again changes nothing. A code becomes
// visible to queries (:Published) when its release completes (release-publish).
UNWIND $rows AS row
MERGE (c:Code {system: row.system, code: row.code})
SET c:$(row.labels)
WITH c, row
// A policy may have named the code before its release was loaded (a placeholder or a retired
// reference): the release's own record replaces that.
CALL (c) {
  WITH c
  WHERE c:Retired OR c.placeholder IS NOT NULL
  REMOVE c:Retired, c.placeholder, c.retired
}
CALL (c, row) {
  WITH c, row
  WHERE any(k IN keys(row.props) WHERE NOT coalesce(c[k] = row.props[k], c[k] IS NULL AND row.props[k] IS NULL))
  SET c += row.props
}
WITH c
MATCH (r:Release {id: $releaseId})
MERGE (c)-[:VALID_IN]->(r)
