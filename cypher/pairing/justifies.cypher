// One page of the procedures a diagnosis pairs with, with the total: policies that list it, policies
// whose default rule reaches it (a loaded code they do not list), and curated pairings. Every
// policy fact is filtered to what is in force on $asOf. The policies read are the NCDs and, with
// $state, the LCD billing articles of the contractors that serve the state on the date; with no
// state, an article $policy names (see justified-by).
WITH date($asOf) AS asOf
MATCH (dx:Code {system: $system, code: $code})
WHERE dx:Published OR dx:Retired
CALL (dx, asOf) {
  MATCH (pol:Policy {status: 'complete'})-[l:LISTS]->(dx)
  WHERE l.status IN $statuses AND ($policy IS NULL OR pol.id = $policy)
    AND coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true)
    AND (pol.kind = 'NCD' OR (pol.kind = 'LCD_ARTICLE' AND CASE WHEN $state IS NULL THEN coalesce(pol.id = $policy, false) ELSE EXISTS {
      MATCH (pol)-[:ADMINISTERED_BY]->(:Contractor)-[v:SERVES]->(:State {abbrev: $state})
      WHERE coalesce(v.activeFrom <= asOf, true) AND coalesce(v.activeTo >= asOf, true)
    } END))
  MATCH (pol)-[g:GOVERNS]->(px)
  WHERE coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
  RETURN px, pol, l.status AS status, l.listedAs AS listedAs, l.group AS group, l.via AS via, l.effectiveFrom AS effectiveFrom, l.effectiveTo AS effectiveTo, null AS curated
  UNION ALL
  MATCH (pol:Policy {status: 'complete'})
  WHERE dx:Published AND dx:ICD10CM AND pol.defaultStatus IN $statuses AND ($policy IS NULL OR pol.id = $policy)
    AND (pol.kind = 'NCD' OR (pol.kind = 'LCD_ARTICLE' AND CASE WHEN $state IS NULL THEN coalesce(pol.id = $policy, false) ELSE EXISTS {
      MATCH (pol)-[:ADMINISTERED_BY]->(:Contractor)-[v:SERVES]->(:State {abbrev: $state})
      WHERE coalesce(v.activeFrom <= asOf, true) AND coalesce(v.activeTo >= asOf, true)
    } END))
    AND coalesce(pol.defaultEffectiveFrom <= asOf, true) AND coalesce(pol.defaultEffectiveTo >= asOf, true)
    AND NOT EXISTS { MATCH (pol)-[l:LISTS]->(dx) WHERE coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true) }
  MATCH (pol)-[g:GOVERNS]->(px)
  WHERE coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
  RETURN px, pol, pol.defaultStatus AS status, pol.defaultListedAs AS listedAs, null AS group, 'DEFAULT_RULE' AS via,
         pol.defaultEffectiveFrom AS effectiveFrom, pol.defaultEffectiveTo AS effectiveTo, null AS curated
  UNION ALL
  MATCH (pr:Pairing)-[:DIAGNOSIS]->(dx)
  WHERE 'CURATED' IN $statuses AND $policy IS NULL AND pr.retiredAt IS NULL
  MATCH (pr)-[:PROCEDURE]->(px)
  RETURN px, null AS pol, 'CURATED' AS status, null AS listedAs, null AS group, 'CURATED' AS via, null AS effectiveFrom, null AS effectiveTo, pr AS curated
}
WITH dx, px, pol, status, listedAs, group, via, effectiveFrom, effectiveTo, curated
WHERE (NOT $billableOnly OR (px:Published AND px.billable))
  AND ($chapter IS NULL OR EXISTS { (px)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
ORDER BY px.system, px.code, coalesce(pol.id, '~'), status, group, listedAs
WITH dx, collect({px: px, pol: pol, status: status, listedAs: listedAs, group: group, via: via, effectiveFrom: effectiveFrom, effectiveTo: effectiveTo, curated: curated}) AS rows
CALL (rows) {
  UNWIND rows[$skip..($skip + $limit)] AS r
  WITH r, r.px AS px, r.pol AS pol, r.curated AS pr
  RETURN collect({
    px: px {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: px:Retired},
    policyId: pol.id, status: r.status, listedAs: CASE WHEN r.group IS NULL THEN r.listedAs ELSE r.listedAs + ' (group ' + toString(r.group) + ')' END, via: r.via,
    effectiveFrom: toString(r.effectiveFrom), effectiveTo: toString(r.effectiveTo),
    curated: CASE WHEN pr IS NULL THEN null ELSE pr {.id, .source, .author, .rationale, createdAt: toString(pr.createdAt)} END
  }) AS page
}
RETURN size(rows) AS total, dx {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: dx:Retired} AS fixed, page
