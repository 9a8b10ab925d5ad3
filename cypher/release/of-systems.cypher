// Complete releases of each system, newest first.
UNWIND $ids AS id
MATCH (r:Release {system: id, status: 'complete'})
WITH id, r ORDER BY r.effectiveFrom DESC, r.id DESC
RETURN id, collect(r.id) AS releases
