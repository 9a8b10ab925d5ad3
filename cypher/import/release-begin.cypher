// A new release starts as 'loading'; release-complete marks it 'complete' after its last batch.
MATCH (s:CodeSystem {id: $release.system})
MERGE (r:Release {id: $release.id})
ON CREATE SET r.status = 'loading'
SET r.system = $release.system, r.version = $release.version, r.effectiveFrom = date($release.effectiveFrom),
    r.effectiveTo = date($release.effectiveTo), r.source = $release.source
MERGE (r)-[:OF_SYSTEM]->(s)
