// One page of the diagnoses that pair with a procedure, with the total: policy listings (a code, a
// range, or a header and the codes under it), a policy's default rule for every loaded code it does
// not list, and curated pairings, in tabular order. Policy facts are those in force on $asOf.
// Two plans, chosen in the statement: with no default rule asked for, every pairing is collected and
// sliced (at most a few thousand); when a default rule reaches every code a policy does not list
// (NCD 190.15: ~76,000), the total is counted by difference and the page walks the codes in tabular
// order (index on Code.sequence), stopping once the page is full. Plan 2 counts and walks only codes
// with a sequence (every ICD-10-CM code an order file or the sample loaded); the importer gives
// each one.
// The policies read are the NCDs and, with $state, the LCD billing articles of the contractors that
// serve the state on the date (an LCD binds only there); with no state, an article $policy names.
// An article lists the diagnoses of its groups (the group shown with the entry) and its rule for
// the codes it does not list is NOT_MEDICALLY_NECESSARY ("not in a covered group").
WITH date($asOf) AS asOf
MATCH (px:Code {system: $system, code: $code})
WHERE px:Published OR px:Retired
CALL (px, asOf) {
  OPTIONAL MATCH (pol:Policy {status: 'complete'})-[g:GOVERNS]->(px)
  WHERE ($policy IS NULL OR pol.id = $policy) AND coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
    AND (pol.kind = 'NCD' OR (pol.kind = 'LCD_ARTICLE' AND CASE WHEN $state IS NULL THEN coalesce(pol.id = $policy, false) ELSE EXISTS {
      MATCH (pol)-[:ADMINISTERED_BY]->(:Contractor)-[v:SERVES]->(:State {abbrev: $state})
      WHERE coalesce(v.activeFrom <= asOf, true) AND coalesce(v.activeTo >= asOf, true)
    } END))
  WITH collect(pol) AS pols
  RETURN pols, [p IN pols WHERE p.defaultStatus IN $statuses AND coalesce(p.defaultEffectiveFrom <= asOf, true) AND coalesce(p.defaultEffectiveTo >= asOf, true)] AS defaults
}
WITH px, asOf, pols, defaults, 'CURATED' IN $statuses AND $policy IS NULL AS withCurated

// Plan 1: no default rule asked for.
OPTIONAL CALL (px, asOf, pols, defaults, withCurated) {
  WITH px, asOf, pols, withCurated
  WHERE size(defaults) = 0
  CALL (px, asOf, pols, withCurated) {
    UNWIND pols AS pol
    MATCH (pol)-[l:LISTS]->(dx)
    WHERE l.status IN $statuses AND coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true)
      AND (NOT $billableOnly OR (dx:Published AND dx.billable))
      AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
    RETURN dx, pol, l.status AS status, l.listedAs AS listedAs, l.group AS group, l.via AS via, l.effectiveFrom AS effectiveFrom, l.effectiveTo AS effectiveTo, null AS curated
    UNION ALL
    MATCH (pr:Pairing)-[:PROCEDURE]->(px)
    WHERE withCurated AND pr.retiredAt IS NULL
    MATCH (pr)-[:DIAGNOSIS]->(dx)
    WHERE (NOT $billableOnly OR (dx:Published AND dx.billable))
      AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
    RETURN dx, null AS pol, 'CURATED' AS status, null AS listedAs, null AS group, 'CURATED' AS via, null AS effectiveFrom, null AS effectiveTo, pr AS curated
  }
  WITH dx, pol, status, listedAs, group, via, effectiveFrom, effectiveTo, curated
  ORDER BY coalesce(dx.sequence, 2147483647), dx.code, coalesce(pol.id, '~'), status, group, listedAs
  WITH collect({dx: dx, pol: pol, status: status, listedAs: listedAs, group: group, via: via, effectiveFrom: effectiveFrom, effectiveTo: effectiveTo, curated: curated}) AS rows
  RETURN size(rows) AS collectedTotal, rows[$skip..($skip + $limit)] AS collectedPage
}

// Plan 2: a default rule reaches every loaded code its policy does not list.
OPTIONAL CALL (px, asOf, pols, defaults, withCurated) {
  WITH px, asOf, pols, defaults, withCurated
  WHERE size(defaults) > 0
  // Loaded codes the filters keep.
  CALL () {
    OPTIONAL MATCH (dx:Code:ICD10CM:Published)
    WHERE $chapter IS NULL AND dx.sequence IS NOT NULL AND (NOT $billableOnly OR dx.billable)
    RETURN count(dx) AS unfiltered
  }
  CALL () {
    OPTIONAL MATCH (:Category {id: $chapter})<-[:PART_OF*0..]-(:Category)<-[:IN_CATEGORY]-(dx:Code:ICD10CM:Published)
    WHERE $chapter IS NOT NULL AND dx.sequence IS NOT NULL AND (NOT $billableOnly OR dx.billable)
    RETURN count(DISTINCT dx) AS inChapter
  }
  WITH px, asOf, pols, defaults, withCurated, CASE WHEN $chapter IS NULL THEN unfiltered ELSE inChapter END AS universe
  // One pass over the policies' listings on the date: per default policy the kept codes it does not
  // list are its default rows; listings with a status asked for are rows of their own.
  CALL (asOf, pols, defaults, universe) {
    UNWIND pols AS pol
    OPTIONAL MATCH (pol)-[l:LISTS]->(dx)
    WHERE coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true)
      AND (NOT $billableOnly OR (dx:Published AND dx.billable))
      AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
    WITH pol, count(DISTINCT CASE WHEN dx:Published AND dx.sequence IS NOT NULL THEN dx END) AS listedCodes,
         count(CASE WHEN dx:Published AND dx.sequence IS NOT NULL AND l.status IN $statuses THEN l END) AS listed,
         count(CASE WHEN dx:Retired AND l.status IN $statuses THEN l END) AS retired
    RETURN sum(CASE WHEN pol IN defaults THEN universe - listedCodes ELSE 0 END) AS defaultRows, sum(listed) AS listedRows, sum(retired) AS retiredRows
  }
  CALL (px, withCurated) {
    OPTIONAL MATCH (pr:Pairing)-[:PROCEDURE]->(px), (pr)-[:DIAGNOSIS]->(dx:Published)
    WHERE withCurated AND pr.retiredAt IS NULL AND dx.sequence IS NOT NULL AND (NOT $billableOnly OR dx.billable)
      AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
    RETURN count(pr) AS curatedRows
  }
  WITH px, asOf, pols, withCurated, defaultRows + listedRows + curatedRows AS publishedRows, retiredRows
  // The page: loaded codes in tabular order, each with its pairings, until the page is full ...
  CALL (px, asOf, pols, withCurated) {
    MATCH (dx:Code:ICD10CM:Published)
    WHERE dx.sequence IS NOT NULL AND (NOT $billableOnly OR dx.billable)
      AND ($chapter IS NULL OR EXISTS { (dx)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: $chapter}) })
    WITH dx ORDER BY dx.sequence, dx.code
    CALL (dx, px, asOf, pols, withCurated) {
      UNWIND pols AS pol
      OPTIONAL MATCH (pol)-[l:LISTS]->(dx)
      WHERE coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true)
      WITH pol, collect(l) AS listings
      UNWIND CASE WHEN size(listings) = 0 THEN [null] ELSE listings END AS l
      WITH pol, l
      WHERE (l IS NOT NULL AND l.status IN $statuses)
         OR (l IS NULL AND pol.defaultStatus IN $statuses AND coalesce(pol.defaultEffectiveFrom <= asOf, true) AND coalesce(pol.defaultEffectiveTo >= asOf, true))
      RETURN pol, CASE WHEN l IS NULL THEN pol.defaultStatus ELSE l.status END AS status, CASE WHEN l IS NULL THEN pol.defaultListedAs ELSE l.listedAs END AS listedAs,
             l.group AS group, CASE WHEN l IS NULL THEN 'DEFAULT_RULE' ELSE l.via END AS via,
             CASE WHEN l IS NULL THEN pol.defaultEffectiveFrom ELSE l.effectiveFrom END AS effectiveFrom,
             CASE WHEN l IS NULL THEN pol.defaultEffectiveTo ELSE l.effectiveTo END AS effectiveTo, null AS curated
      ORDER BY pol.id, status, group, listedAs
      UNION ALL
      MATCH (pr:Pairing)-[:PROCEDURE]->(px)
      WHERE withCurated AND pr.retiredAt IS NULL AND EXISTS { (pr)-[:DIAGNOSIS]->(dx) }
      RETURN null AS pol, 'CURATED' AS status, null AS listedAs, null AS group, 'CURATED' AS via, null AS effectiveFrom, null AS effectiveTo, pr AS curated
    }
    WITH dx, pol, status, listedAs, group, via, effectiveFrom, effectiveTo, curated
    SKIP $skip LIMIT $limit
    RETURN collect({dx: dx, pol: pol, status: status, listedAs: listedAs, group: group, via: via, effectiveFrom: effectiveFrom, effectiveTo: effectiveTo, curated: curated}) AS walked
  }
  // ... then retired references (no tabular position), by code.
  CALL (asOf, pols, publishedRows, retiredRows, walked) {
    UNWIND CASE WHEN retiredRows > 0 THEN pols ELSE [] END AS pol
    MATCH (pol)-[l:LISTS]->(dx:Retired)
    WHERE l.status IN $statuses AND coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true) AND NOT $billableOnly AND $chapter IS NULL
    WITH dx, pol, l ORDER BY dx.code, pol.id, l.status, l.group, l.listedAs
    WITH collect({dx: dx, pol: pol, status: l.status, listedAs: l.listedAs, group: l.group, via: l.via, effectiveFrom: l.effectiveFrom, effectiveTo: l.effectiveTo, curated: null}) AS retired
    WITH retired, CASE WHEN $skip > publishedRows THEN $skip - publishedRows ELSE 0 END AS from
    RETURN retired[from..(from + $limit - size(walked))] AS retiredPage
  }
  RETURN publishedRows + retiredRows AS countedTotal, walked + retiredPage AS countedPage
}
// An aggregation answers one row even where its WHERE let nothing through: take the plan that ran.
WITH px, CASE WHEN size(defaults) = 0 THEN [collectedTotal, collectedPage] ELSE [countedTotal, countedPage] END AS chosen
WITH px, coalesce(chosen[0], 0) AS total, coalesce(chosen[1], []) AS rows
CALL (rows) {
  UNWIND rows AS r
  WITH r, r.dx AS dx, r.pol AS pol, r.curated AS pr
  RETURN collect({
    dx: dx {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: dx:Retired},
    policyId: pol.id, status: r.status, listedAs: CASE WHEN r.group IS NULL THEN r.listedAs ELSE r.listedAs + ' (group ' + toString(r.group) + ')' END, via: r.via,
    effectiveFrom: toString(r.effectiveFrom), effectiveTo: toString(r.effectiveTo),
    curated: CASE WHEN pr IS NULL THEN null ELSE pr {.id, .source, .author, .rationale, createdAt: toString(pr.createdAt)} END
  }) AS page
}
RETURN total, px {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: px:Retired} AS fixed, page
