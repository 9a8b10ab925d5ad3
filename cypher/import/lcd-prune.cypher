// Removes what an LCD article's current download no longer has: listings ("code#key"), governed codes
// ("system|code") and code groups (ids) not among those just written.
MATCH (p:Policy {id: $policy})
CALL (p) {
  MATCH (p)-[l:LISTS]->(c)
  WHERE NOT c.code + '#' + l.key IN $listings
  DELETE l
  RETURN count(*) AS listings
}
CALL (p) {
  MATCH (p)-[g:GOVERNS]->(c)
  WHERE NOT c.system + '|' + c.code IN $governs
  DELETE g
  RETURN count(*) AS governs
}
CALL (p) {
  MATCH (p)-[:HAS_GROUP]->(g:CodeGroup)
  WHERE NOT g.id IN $groups
  DETACH DELETE g
  RETURN count(*) AS groups
}
RETURN listings, governs, groups
