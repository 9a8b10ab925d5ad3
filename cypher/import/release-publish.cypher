// Makes the codes of a fully written release visible to queries, a slice at a time (run until 0).
MATCH (:Release {id: $releaseId})<-[:VALID_IN]-(c:Code)
WHERE NOT c:Published
WITH c LIMIT $limit
SET c:Published
RETURN count(c) AS published
