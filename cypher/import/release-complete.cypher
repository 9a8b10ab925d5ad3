MATCH (r:Release {id: $releaseId})
SET r.status = 'complete', r.completedAt = datetime(), r.codeCount = COUNT { (r)<-[:VALID_IN]-(:Code) }
RETURN r.codeCount AS codes
