// Complete releases; what the addenda added and revised is counted from ADDED_IN and REVISED_IN
// (null when no addenda were loaded for the release).
UNWIND $ids AS id
MATCH (r:Release {id: id, status: 'complete'})
RETURN id, r {.*,
  addedCount: CASE WHEN r.previousVersion IS NULL THEN null ELSE COUNT { (r)<-[:ADDED_IN]-() } END,
  revisedCount: CASE WHEN r.previousVersion IS NULL THEN null ELSE COUNT { (r)<-[:REVISED_IN]-() } END
} AS release
