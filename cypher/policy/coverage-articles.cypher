// The LCD billing articles (issue 15) that govern each procedure code of $keys on $asOf, in the state
// $state (null: any state), by code and article id: each with its contractors and the states they serve on the date, and its
// covered and non-covered diagnosis groups with the diagnoses each lists (in tabular order). A
// covered group supports every procedure code of the article: the download does not tie it to one.
WITH date($asOf) AS asOf
UNWIND $keys AS key
MATCH (px:Code {system: key.system, code: key.code})
MATCH (p:Policy {status: 'complete', kind: 'LCD_ARTICLE'})-[g:GOVERNS]->(px)
WHERE coalesce(g.effectiveFrom <= asOf, true) AND coalesce(g.effectiveTo >= asOf, true)
  AND ($state IS NULL OR EXISTS {
    MATCH (p)-[:ADMINISTERED_BY]->(:Contractor)-[v:SERVES]->(:State {abbrev: $state})
    WHERE coalesce(v.activeFrom <= asOf, true) AND coalesce(v.activeTo >= asOf, true)
  })
RETURN key.system AS system, key.code AS code,
       p {.id, .title, .version, .lcds, .sourceFiles, effectiveFrom: toString(p.effectiveFrom), effectiveTo: toString(p.effectiveTo),
          fileDate: toString(p.fileDate)} AS article,
       g.groups AS procedureGroups,
       COLLECT {
         MATCH (p)-[:ADMINISTERED_BY]->(c:Contractor)
         RETURN c {.id, .name, .number, .type,
                   states: COLLECT {
                     MATCH (c)-[v:SERVES]->(s:State)
                     WHERE coalesce(v.activeFrom <= asOf, true) AND coalesce(v.activeTo >= asOf, true)
                     RETURN s.abbrev ORDER BY s.abbrev
                   }}
         ORDER BY c.id
       } AS contractors,
       COLLECT {
         MATCH (p)-[:HAS_GROUP]->(cg:CodeGroup)
         WHERE cg.kind <> 'PROCEDURE'
         RETURN cg {.kind, .number, .paragraphText, .requiresGroups,
                    diagnoses: COLLECT {
                      MATCH (p)-[l:LISTS]->(dx:Code)
                      WHERE l.groupKind = cg.kind AND l.group = cg.number
                      RETURN {code: dx.code, listedAs: l.listedAs, via: l.via}
                      ORDER BY coalesce(dx.sequence, 2147483647), dx.code
                    }}
         ORDER BY cg.kind, cg.number
       } AS groups
ORDER BY system, code, p.id
