// Policy nodes (one per NCD), published by an organization. A new policy starts as 'loading' and
// becomes visible to queries at policy-complete, after its last listing batch. Properties are
// written only when they differ, so importing the same list again changes nothing.
UNWIND $rows AS row
MATCH (o:Organization {id: row.publisher})
MERGE (p:Policy {id: row.id})
ON CREATE SET p.status = 'loading'
WITH p, o, row.props AS given
WITH p, o, given {.*, defaultEffectiveFrom: date(given.defaultEffectiveFrom), defaultEffectiveTo: date(given.defaultEffectiveTo),
                     effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo)} AS props
CALL (p, props) {
  WITH p, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(p[k] = props[k], p[k] IS NULL AND props[k] IS NULL))
  SET p += props
}
MERGE (p)-[:PUBLISHED_BY]->(o)
