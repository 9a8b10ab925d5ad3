// How many diagnoses pair with a procedure under each ICD-10-CM chapter (same sources and filters
// as justified-by; a diagnosis reached several ways counts once).
WITH date($asOf) AS asOf
MATCH (px:Code {system: $system, code: $code})
WHERE px:Published OR px:Retired
CALL (px, asOf) {
  MATCH (pol:Policy {status: 'complete', kind: 'NCD'})-[g:GOVERNS]->(px)
  WHERE ($policy IS NULL OR pol.id = $policy) AND coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
  MATCH (pol)-[l:LISTS]->(dx:Code:Published)
  WHERE l.status IN $statuses AND coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true) AND (NOT $billableOnly OR dx.billable)
  RETURN dx
  UNION
  MATCH (pol:Policy {status: 'complete', kind: 'NCD'})-[g:GOVERNS]->(px)
  WHERE pol.defaultStatus IN $statuses AND ($policy IS NULL OR pol.id = $policy)
    AND coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
    AND coalesce(pol.defaultEffectiveFrom <= asOf, true) AND coalesce(pol.defaultEffectiveTo >= asOf, true)
  MATCH (dx:Code:ICD10CM:Published)
  WHERE (NOT $billableOnly OR dx.billable)
    AND NOT EXISTS { MATCH (pol)-[l:LISTS]->(dx) WHERE coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true) }
  RETURN dx
  UNION
  MATCH (pr:Pairing)-[:PROCEDURE]->(px)
  WHERE 'CURATED' IN $statuses AND $policy IS NULL AND pr.retiredAt IS NULL
  MATCH (pr)-[:DIAGNOSIS]->(dx:Code:Published)
  WHERE NOT $billableOnly OR dx.billable
  RETURN dx
}
MATCH (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(ch:Category {kind: 'CHAPTER'})
WITH ch, count(DISTINCT dx) AS diagnoses
RETURN ch {.id, .system, .kind, .code, .title, .rangeStart, .rangeEnd} AS chapter, diagnoses
ORDER BY ch.sortKey
