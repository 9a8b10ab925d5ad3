// For each (diagnosis, procedure) pair: the policies governing the procedure on $date with the
// listings that reach the diagnosis (none means the policy's default rule decides) and, where a
// policy does not cover the diagnosis, the codes under its category that it does cover, and the
// procedure's active curated pairings (count, the ones naming this diagnosis, and up to 10 naming
// other diagnoses: listed as information, never as a denial; issue 15).
WITH date($date) AS asOf
UNWIND $pairs AS pair
MATCH (px:Code {system: pair.procedureSystem, code: pair.procedureCode})
WHERE px:Published OR px:Retired
OPTIONAL MATCH (dx:Code {system: 'ICD10CM', code: pair.diagnosisCode})
WHERE dx:Published OR dx:Retired
RETURN pair.key AS key,
       dx IS NOT NULL AS diagnosisFound,
       COLLECT {
         MATCH (pol:Policy {status: 'complete', kind: 'NCD'})-[g:GOVERNS]->(px)
         WHERE coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
         RETURN {
           policy: pol {.id, .title, .defaultStatus, .defaultListedAs, defaultEffectiveFrom: toString(pol.defaultEffectiveFrom), defaultEffectiveTo: toString(pol.defaultEffectiveTo),
                        defaultInForce: coalesce(pol.defaultEffectiveFrom <= asOf, true) AND coalesce(pol.defaultEffectiveTo >= asOf, true)},
           listings: COLLECT {
             MATCH (pol)-[l:LISTS]->(dx)
             WHERE coalesce(l.effectiveFrom <= asOf, true) AND coalesce(l.effectiveTo >= asOf, true)
             RETURN l {.status, .listedAs, .via, effectiveFrom: toString(l.effectiveFrom), effectiveTo: toString(l.effectiveTo)}
             ORDER BY l.listedAs
           },
           // A diagnosis the policy does not cover: the codes under its category that it does (the
           // most general first, at most 10), to name as more specific choices (issue 15).
           coveredUnder: CASE
             WHEN dx IS NULL OR EXISTS {
               MATCH (pol)-[c:LISTS {status: 'COVERED'}]->(dx)
               WHERE coalesce(c.effectiveFrom <= asOf, true) AND coalesce(c.effectiveTo >= asOf, true)
             } THEN []
             ELSE COLLECT {
               MATCH (:Code {system: 'ICD10CM', code: left(dx.code, 3)})<-[:CHILD_OF*1..4]-(under:Code:Published)<-[c:LISTS {status: 'COVERED'}]-(pol)
               WHERE under <> dx AND coalesce(c.effectiveFrom <= asOf, true) AND coalesce(c.effectiveTo >= asOf, true)
               WITH DISTINCT under
               RETURN under.code ORDER BY size(under.code), coalesce(under.sequence, 2147483647), under.code LIMIT 10
             }
           END
         } ORDER BY pol.id
       } AS policies,
       COUNT { MATCH (pr:Pairing)-[:PROCEDURE]->(px) WHERE pr.retiredAt IS NULL } AS curatedCount,
       COLLECT {
         MATCH (pr:Pairing)-[:PROCEDURE]->(px)
         WHERE pr.retiredAt IS NULL AND EXISTS { (pr)-[:DIAGNOSIS]->(dx) }
         RETURN pr {.id, .source, .author, .rationale, createdAt: toString(pr.createdAt)}
       } AS curated,
       COLLECT {
         MATCH (pr:Pairing)-[:PROCEDURE]->(px)
         WHERE pr.retiredAt IS NULL AND NOT EXISTS { (pr)-[:DIAGNOSIS]->(dx) }
         MATCH (pr)-[:DIAGNOSIS]->(other:Code)
         RETURN {diagnosis: other.code, author: pr.author, source: pr.source}
         ORDER BY other.code LIMIT 10
       } AS curatedOthers
