// The instructional notes that apply to each code, nearest first: its own, then those stated on the
// codes above it, then on its block and chapter (a note applies to every code below where it is
// stated). One entry per note: its kind, its full text, where it is stated, and its targets in
// tabular order (codes or categories; none for a note that names no code, such as B20's "Use
// additional code(s) to identify all manifestations of HIV infection").
UNWIND $keys AS k
MATCH (c:Code {system: k.system, code: k.code})
CALL (c) {
  MATCH path = (c)-[:CHILD_OF*0..]->(s:Code)
  RETURN s, length(path) AS height
  UNION
  MATCH (c)-[:CHILD_OF*0..]->(:Code)-[:IN_CATEGORY]->(:Category)-[up:PART_OF*0..]->(s:Category)
  RETURN s, 100 + size(up) AS height
}
CALL (s) {
  MATCH (s)-[n:EXCLUDES1|EXCLUDES2|CODE_FIRST|USE_ADDITIONAL|CODE_ALSO]->(t)
  WHERE t:Published OR t:Category
  WITH n, t ORDER BY coalesce(t.sequence, 0), coalesce(t.code, t.id)
  RETURN type(n) AS kind, n.text AS text,
         collect({system: t.system, code: CASE WHEN t:Code THEN t.code END, category: CASE WHEN t:Category THEN t.id END}) AS targets
  UNION ALL
  UNWIND range(0, size(coalesce(s.freeNoteKinds, [])) - 1) AS i
  RETURN s.freeNoteKinds[i] AS kind, s.freeNoteTexts[i] AS text, [] AS targets
}
WITH k, c, s, height, kind, text, targets ORDER BY height, kind, text
RETURN k.system + '|' + k.code AS key,
       collect({kind: kind, text: text, targets: targets,
                level: CASE WHEN s = c THEN 'CODE' WHEN s:Code THEN 'ANCESTOR' WHEN s.kind = 'CHAPTER' THEN 'CHAPTER' ELSE 'BLOCK' END,
                statedOnSystem: s.system, statedOnCode: CASE WHEN s:Code THEN s.code END,
                statedOnCategory: CASE WHEN s:Category THEN s.id END}) AS notes
