// Every complete policy id, in id order.
MATCH (p:Policy {status: 'complete'})
RETURN p.id AS id
ORDER BY p.id
