// The justifying diagnoses of every governed procedure, as sets the analytics combine: per policy,
// the codes it lists with a status asked for and, when its default rule grants such a status, the
// codes it lists at all (its rule reaches every other loaded code); per procedure, its curated
// diagnoses. Only codes of the loaded release count (retired references do not).
WITH date($asOf) AS asOf
CALL () {
  MATCH (c:Code:ICD10CM:Published)
  WHERE NOT $billableOnly OR c.billable
  RETURN count(c) AS universe
}
RETURN universe,
  COLLECT {
    MATCH (pol:Policy {status: 'complete', kind: 'NCD'})
    RETURN {
      policy: pol.id,
      procedures: COLLECT {
        MATCH (pol)-[g:GOVERNS]->(px:Code)
        WHERE coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
        RETURN px {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: px:Retired}
      },
      justifying: COLLECT {
        MATCH (pol)-[l:LISTS]->(dx:Code:Published)
        WHERE l.status IN $statuses AND coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true)
          AND (NOT $billableOnly OR dx.billable)
        RETURN DISTINCT dx.code
      },
      listed: CASE WHEN pol.defaultStatus IN $statuses AND coalesce(pol.defaultEffectiveFrom <= asOf, true) AND coalesce(pol.defaultEffectiveTo >= asOf, true)
        THEN COLLECT {
          MATCH (pol)-[l:LISTS]->(dx:Code:Published)
          WHERE coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true) AND (NOT $billableOnly OR dx.billable)
          RETURN DISTINCT dx.code
        } END
    } ORDER BY pol.id
  } AS policies,
  COLLECT {
    MATCH (pr:Pairing)-[:PROCEDURE]->(px:Code), (pr)-[:DIAGNOSIS]->(dx:Code:Published)
    WHERE 'CURATED' IN $statuses AND pr.retiredAt IS NULL AND (NOT $billableOnly OR dx.billable)
    WITH px, collect(DISTINCT dx.code) AS codes
    RETURN {procedure: px {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: px:Retired}, codes: codes}
  } AS curated
