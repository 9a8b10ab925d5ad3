// One page of the diagnoses that pair with a procedure, with the total: policy listings (a range,
// a header and its codes, or a single code), a policy's default rule for every loaded code it does
// not list, and curated pairings. Every policy fact is filtered to what is in force on $asOf.
WITH date($asOf) AS asOf
MATCH (px:Code {system: $system, code: $code})
WHERE px:Published OR px:Retired
CALL (px, asOf) {
  MATCH (pol:Policy {status: 'complete'})-[g:GOVERNS]->(px)
  WHERE ($policy IS NULL OR pol.id = $policy)
    AND coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
  MATCH (pol)-[l:LISTS]->(dx)
  WHERE l.status IN $statuses
    AND coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true)
    AND (NOT $billableOnly OR (dx:Published AND dx.billable))
    AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
  RETURN dx, pol, l.status AS status, l.listedAs AS listedAs, l.via AS via, l.effectiveFrom AS effectiveFrom, l.effectiveTo AS effectiveTo, null AS curated
  UNION ALL
  MATCH (pol:Policy {status: 'complete'})-[g:GOVERNS]->(px)
  WHERE pol.defaultStatus IN $statuses AND ($policy IS NULL OR pol.id = $policy)
    AND coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
    AND coalesce(pol.defaultEffectiveFrom <= asOf, true) AND coalesce(pol.defaultEffectiveTo >= asOf, true)
  MATCH (dx:Code:ICD10CM:Published)
  WHERE (NOT $billableOnly OR dx.billable)
    AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
    AND NOT EXISTS { MATCH (pol)-[l:LISTS]->(dx) WHERE coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true) }
  RETURN dx, pol, pol.defaultStatus AS status, pol.defaultListedAs AS listedAs, 'DEFAULT_RULE' AS via,
         pol.defaultEffectiveFrom AS effectiveFrom, pol.defaultEffectiveTo AS effectiveTo, null AS curated
  UNION ALL
  MATCH (pr:Pairing)-[:PROCEDURE]->(px)
  WHERE 'CURATED' IN $statuses AND $policy IS NULL AND pr.retiredAt IS NULL
  MATCH (pr)-[:DIAGNOSIS]->(dx)
  WHERE (NOT $billableOnly OR (dx:Published AND dx.billable))
    AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
  RETURN dx, null AS pol, 'CURATED' AS status, null AS listedAs, 'CURATED' AS via, null AS effectiveFrom, null AS effectiveTo, pr AS curated
}
WITH px, dx, pol, status, listedAs, via, effectiveFrom, effectiveTo, curated
ORDER BY coalesce(dx.sequence, 2147483647), dx.code, coalesce(pol.id, '~'), status, listedAs
WITH px, collect({dx: dx, pol: pol, status: status, listedAs: listedAs, via: via, effectiveFrom: effectiveFrom, effectiveTo: effectiveTo, curated: curated}) AS rows
CALL (rows) {
  UNWIND rows[$skip..($skip + $limit)] AS r
  WITH r, r.dx AS dx, r.pol AS pol, r.curated AS pr
  RETURN collect({
    dx: dx {.system, .code, .display, .shortDisplay, .billable, .kind, .role, retired: dx:Retired},
    policyId: pol.id, status: r.status, listedAs: r.listedAs, via: r.via,
    effectiveFrom: toString(r.effectiveFrom), effectiveTo: toString(r.effectiveTo),
    curated: CASE WHEN pr IS NULL THEN null ELSE pr {.id, .source, .author, .rationale, createdAt: toString(pr.createdAt)} END
  }) AS page
}
RETURN size(rows) AS total, px {.system, .code, .display, .shortDisplay, .billable, .kind, .role, retired: px:Retired} AS fixed, page
