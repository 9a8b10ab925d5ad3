// Adds a curated pairing and its audit event in one transaction, unless the two codes already have
// an active one (then returns its id). `activeKey` is unique while the pairing is active, so two
// concurrent adds of the same pair cannot both succeed.
MATCH (dx:Code:Published {system: $diagnosis.system, code: $diagnosis.code}), (px:Code:Published {system: $procedure.system, code: $procedure.code})
OPTIONAL MATCH (existing:Pairing {activeKey: $activeKey})
OPTIONAL CALL (dx, px, existing) {
  WITH dx, px, existing
  WHERE existing IS NULL
  CREATE (p:Pairing {id: $id, activeKey: $activeKey, source: $source, author: $author, rationale: $rationale, createdAt: datetime($now)})
  CREATE (p)-[:DIAGNOSIS]->(dx), (p)-[:PROCEDURE]->(px)
  CREATE (:AuditEvent {id: $eventId, action: 'ADD', actor: $author, at: datetime($now), source: $source, detail: $rationale})-[:ABOUT]->(p)
  RETURN p
}
RETURN existing.id AS existingId, p.id AS createdId
