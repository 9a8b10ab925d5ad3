UNWIND $ids AS id
MATCH (:CodeSystem {id: id})<-[:ADAPTS]-(t:CodeSystem)
WITH id, t ORDER BY t.id
RETURN id, collect(t {.*}) AS systems
