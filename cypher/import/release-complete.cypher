// Marks the release complete once every batch is committed (release-publish has run).
// $changed (the import wrote something) renews completedAt, the mark services watch to drop cached answers.
MATCH (r:Release {id: $releaseId})
WITH r, COUNT { (r)<-[:VALID_IN]-(:Code) } AS codes
CALL (r, codes) {
  WITH r, codes
  WHERE $changed OR r.status <> 'complete' OR r.codeCount IS NULL OR r.codeCount <> codes
  SET r.status = 'complete', r.completedAt = datetime(), r.codeCount = codes
}
RETURN codes
