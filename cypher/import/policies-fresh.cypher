// Of these policies, the ones that list no code yet (new, or whose first import stopped before its
// first listing batch committed): their listings may be written with CREATE (policy-listings-new).
UNWIND $ids AS id
MATCH (p:Policy {id: id})
WHERE NOT EXISTS { (p)-[:LISTS]->() }
RETURN p.id AS id
