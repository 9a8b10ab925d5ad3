UNWIND $ids AS id
MATCH (:CodeSystem {id: id})-[:MAINTAINED_BY]->(o:Organization)
WITH id, o ORDER BY o.id
RETURN id, collect(o {.*}) AS organizations
