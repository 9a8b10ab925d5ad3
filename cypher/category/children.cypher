UNWIND $ids AS id
MATCH (:Category {id: id})<-[:PART_OF]-(c:Category)
WITH id, c ORDER BY c.sortKey
RETURN id, collect(c {.*}) AS categories
