// Retires a curated pairing (it stays, with who retired it, when and why) and records the audit event.
MATCH (p:Pairing {id: $id})
// Take the pairing's write lock before reading: of two concurrent retirements, the second waits and
// then sees the first one's retiredAt.
SET p.retiring = true
REMOVE p.retiring
WITH p, p.retiredAt IS NOT NULL AS wasRetired
CALL (p, wasRetired) {
  WITH p, wasRetired
  WHERE NOT wasRetired
  SET p.retiredAt = datetime($now), p.retiredBy = $actor, p.retiredReason = $reason
  REMOVE p.activeKey
  CREATE (:AuditEvent {id: $eventId, action: 'RETIRE', actor: $actor, at: datetime($now), detail: $reason})-[:ABOUT]->(p)
}
RETURN p.id AS id, wasRetired
