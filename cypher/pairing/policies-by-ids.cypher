// Complete policies by id, with their publisher.
UNWIND $ids AS id
MATCH (p:Policy {id: id, status: 'complete'})
OPTIONAL MATCH (p)-[:PUBLISHED_BY]->(o:Organization)
RETURN id AS key,
       p {.id, .title, .kind, .version, .sourceFiles, .defaultStatus, .defaultListedAs, .listingCount, .governsCount,
          defaultEffectiveFrom: toString(p.defaultEffectiveFrom), defaultEffectiveTo: toString(p.defaultEffectiveTo),
          effectiveFrom: toString(p.effectiveFrom), effectiveTo: toString(p.effectiveTo), publisher: o.id} AS policy
