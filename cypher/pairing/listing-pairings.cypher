// The pairings a policy (an NCD or an LCD article) makes between one diagnosis and one procedure it
// governs, whatever the date: each listing that reaches the diagnosis and the policy's default rule,
// in the shape justified-by and justifies return. node(id:) picks the one whose id it was given.
UNWIND $refs AS ref
MATCH (pol:Policy {id: ref.policy, status: 'complete'})-[:GOVERNS]->(px:Code {system: ref.procedureSystem, code: ref.procedureCode})
MATCH (dx:Code {system: ref.diagnosisSystem, code: ref.diagnosisCode})
WHERE (dx:Published OR dx:Retired) AND (px:Published OR px:Retired)
WITH ref, pol, px, dx
CALL (pol, dx) {
  MATCH (pol)-[l:LISTS]->(dx)
  RETURN l.status AS status, l.listedAs AS listedAs, l.group AS group, l.via AS via, l.effectiveFrom AS effectiveFrom, l.effectiveTo AS effectiveTo
  UNION ALL
  WITH pol
  WHERE pol.defaultStatus IS NOT NULL
  RETURN pol.defaultStatus AS status, pol.defaultListedAs AS listedAs, null AS group, 'DEFAULT_RULE' AS via, pol.defaultEffectiveFrom AS effectiveFrom, pol.defaultEffectiveTo AS effectiveTo
}
RETURN ref.key AS key, collect({
  diagnosis: dx {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: dx:Retired},
  procedure: px {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: px:Retired},
  policyId: pol.id, status: status, listedAs: CASE WHEN group IS NULL THEN listedAs ELSE listedAs + ' (group ' + toString(group) + ')' END, via: via,
  effectiveFrom: toString(effectiveFrom), effectiveTo: toString(effectiveTo), curated: null
}) AS pairings
