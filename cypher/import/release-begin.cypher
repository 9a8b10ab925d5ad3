// A release is invisible to readers until release-complete marks it complete.
MATCH (s:CodeSystem {id: $release.system})
MERGE (r:Release {id: $release.id})
ON CREATE SET r.status = 'loading'
SET r.system = $release.system, r.version = $release.version, r.effectiveFrom = $release.effectiveFrom,
    r.effectiveTo = $release.effectiveTo, r.source = $release.source
MERGE (r)-[:OF_SYSTEM]->(s)
