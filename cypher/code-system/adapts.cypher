UNWIND $ids AS id
MATCH (:CodeSystem {id: id})-[:ADAPTS]->(t:CodeSystem)
RETURN id, t {.*} AS system
