// Instructional notes that apply to each code (issue 16): those stated on the code itself, on each
// of its ancestor codes, on its block and on its chapter, nearest first. Each note once, with where
// it is stated and its targets in the note's order (codes only when visible).
UNWIND $keys AS k
MATCH (c:Code {system: k.system, code: k.code})
CALL (c) {
  MATCH path = (c)-[:CHILD_OF*0..]->(s:Code)
  RETURN s, length(path) AS distance, CASE length(path) WHEN 0 THEN 'CODE' ELSE 'ANCESTOR' END AS level
  UNION
  MATCH (c)-[:IN_CATEGORY]->(own:Category)
  MATCH path = (own)-[:PART_OF*0..]->(s:Category)
  RETURN s, 100 + length(path) AS distance, CASE s.kind WHEN 'CHAPTER' THEN 'CHAPTER' ELSE 'BLOCK' END AS level
}
MATCH (s)-[:HAS_NOTE]->(n:Note)
CALL (n) {
  OPTIONAL MATCH (n)-[r:NOTE_TARGET]->(t)
  WHERE t:Published OR t:Category
  WITH r, t ORDER BY r.position
  RETURN collect(CASE WHEN t IS NOT NULL THEN {system: t.system, code: CASE WHEN t:Code THEN t.code END, category: CASE WHEN t:Category THEN t.id END} END) AS targets
}
WITH k, s, n, distance, level, targets ORDER BY distance, n.kind, n.position
RETURN k.system + '|' + k.code AS key,
       collect({id: n.id, kind: n.kind, text: n.text, level: level, statedOn: s.code, statedOnSystem: s.system, targets: targets}) AS notes
