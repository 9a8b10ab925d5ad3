// Removes the listings and governed codes of a policy that its current list no longer has
// ("code#key" and "system|code" strings of everything just written).
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
RETURN listings, governs
