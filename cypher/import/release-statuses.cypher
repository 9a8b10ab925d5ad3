UNWIND $ids AS id
MATCH (r:Release {id: id})
RETURN id, r.status AS status
