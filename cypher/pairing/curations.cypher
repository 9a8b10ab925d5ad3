// Curated pairings by id, as pairings, with their audit trail (oldest first).
UNWIND $ids AS id
MATCH (p:Pairing {id: id})-[:DIAGNOSIS]->(dx:Code), (p)-[:PROCEDURE]->(px:Code)
RETURN id AS key, {
  diagnosis: dx {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: dx:Retired},
  procedure: px {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: px:Retired},
  policyId: null, status: 'CURATED', listedAs: null, via: 'CURATED',
  effectiveFrom: null, effectiveTo: null,
  curated: p {.id, .source, .author, .rationale, .retiredBy, .retiredReason, createdAt: toString(p.createdAt), retiredAt: toString(p.retiredAt)},
  history: COLLECT {
    MATCH (e:AuditEvent)-[:ABOUT]->(p)
    RETURN e {.id, .action, .actor, .source, .detail, at: toString(e.at)} ORDER BY e.at, e.action
  }
} AS pairing
