UNWIND $ids AS id
MATCH (c:Category {id: id})
RETURN id, c {.*} AS category
