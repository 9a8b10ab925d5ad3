// Top-down: the chapter (or CPT category) first, the code's own category last.
UNWIND $keys AS k
MATCH (:Code {system: k.system, code: k.code})-[:IN_CATEGORY]->(own:Category)
MATCH path = (own)-[:PART_OF*0..]->(cat:Category)
WITH k, cat, length(path) AS height ORDER BY height DESC
RETURN k.system + '|' + k.code AS key, collect(cat {.*}) AS categories
