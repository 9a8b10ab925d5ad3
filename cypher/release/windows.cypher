// Every complete release of the claim code sets with its validity window, newest first per system:
// what the default-date rule (src/domain/date-rule.ts) and NO_RELEASE_FOR_DATE read.
MATCH (r:Release {status: 'complete'})
WHERE r.system IN $systems
RETURN r.system AS system, r.id AS release, r.version AS version, toString(r.effectiveFrom) AS effectiveFrom, toString(r.effectiveTo) AS effectiveTo
ORDER BY system, r.effectiveFrom DESC, release DESC
