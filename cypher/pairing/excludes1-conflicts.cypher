// Ordered pairs (a, b) of claim diagnoses that an Excludes1 note forbids together: a note on a, an
// ancestor of a or a category holding a, whose target is b, an ancestor of b or a category holding b.
UNWIND $pairs AS pair
MATCH (a:Code:Published {system: 'ICD10CM', code: pair.a}), (b:Code:Published {system: 'ICD10CM', code: pair.b})
CALL (a) {
  MATCH (a)-[:CHILD_OF*0..]->(s:Code) RETURN s
  UNION
  MATCH (a)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(s:Category) RETURN s
}
MATCH (s)-[n:EXCLUDES1]->(t)
WHERE t = b OR (t:Code AND EXISTS { (b)-[:CHILD_OF*1..]->(t) })
   OR (t:Category AND EXISTS { (b)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(t) })
RETURN pair.a AS a, pair.b AS b, coalesce(s.code, s.id) AS source, n.text AS text, coalesce(t.code, t.id) AS target
ORDER BY a, b, source, target
