// One page of the loaded ICD-10-CM codes that justify no procedure: no policy in force lists them
// with a status asked for, no default rule in force reaches them, no curated pairing names them.
WITH date($asOf) AS asOf
MATCH (dx:Code:ICD10CM:Published)
WHERE (NOT $billableOnly OR dx.billable)
  AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
  AND NOT EXISTS {
    MATCH (pol:Policy {status: 'complete', kind: 'NCD'})-[l:LISTS]->(dx)
    WHERE l.status IN $statuses AND coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true)
      AND EXISTS { MATCH (pol)-[g:GOVERNS]->() WHERE coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true) }
  }
  AND NOT EXISTS {
    MATCH (pol:Policy {status: 'complete', kind: 'NCD'})
    WHERE pol.defaultStatus IN $statuses AND coalesce(pol.defaultEffectiveFrom <= asOf, true) AND coalesce(pol.defaultEffectiveTo >= asOf, true)
      AND EXISTS { MATCH (pol)-[g:GOVERNS]->() WHERE coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true) }
      AND NOT EXISTS { MATCH (pol)-[l:LISTS]->(dx) WHERE coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true) }
  }
  AND NOT ('CURATED' IN $statuses AND EXISTS { MATCH (pr:Pairing)-[:DIAGNOSIS]->(dx) WHERE pr.retiredAt IS NULL })
WITH dx ORDER BY coalesce(dx.sequence, 2147483647), dx.code
WITH collect(dx) AS found
RETURN size(found) AS total, [c IN found[$skip..($skip + $limit)] | c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor}] AS codes
