// A new release starts as 'loading'; release-complete marks it 'complete' after its last batch.
// Properties are written only when they differ, so a repeated import changes nothing.
MATCH (s:CodeSystem {id: $release.system})
MERGE (r:Release {id: $release.id})
ON CREATE SET r.status = 'loading'
WITH r, s, $release.properties AS given
WITH r, s, given {.*, effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo)} AS props
CALL (r, props) {
  WITH r, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(r[k] = props[k], r[k] IS NULL AND props[k] IS NULL))
  SET r += props
}
MERGE (r)-[:OF_SYSTEM]->(s)
