// Audit events of curated pairings by id (node(id:) of an AuditEvent).
UNWIND $ids AS id
MATCH (e:AuditEvent {id: id})-[:ABOUT]->(:Pairing)
RETURN id AS key, e {.id, .action, .actor, .source, .detail, at: toString(e.at)} AS event
