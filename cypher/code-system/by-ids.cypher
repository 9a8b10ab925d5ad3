UNWIND $ids AS id
MATCH (s:CodeSystem {id: id})
RETURN id, s {.*} AS system
