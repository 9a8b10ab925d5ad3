UNWIND $ids AS id
MATCH (:Organization {id: id})<-[:MAINTAINED_BY]-(s:CodeSystem)
WITH id, s ORDER BY s.id
RETURN id, collect(s {.*}) AS systems
