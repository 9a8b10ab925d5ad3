UNWIND $ids AS id
MATCH (c:Category {system: id})
WHERE NOT (c)-[:PART_OF]->(:Category)
WITH id, c ORDER BY c.sortKey
RETURN id, collect(c {.*}) AS categories
