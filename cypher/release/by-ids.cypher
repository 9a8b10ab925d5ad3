UNWIND $ids AS id
MATCH (r:Release {id: id, status: 'complete'})
RETURN id, r {.*} AS release
