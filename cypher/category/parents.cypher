UNWIND $ids AS id
MATCH (:Category {id: id})-[:PART_OF]->(p:Category)
RETURN id, p {.*} AS category
