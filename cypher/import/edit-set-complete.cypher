// Marks an edit set complete once all of its edits are committed; only then do queries see them.
// $changed (the import wrote something) renews completedAt, the mark services watch.
MATCH (s:EditSet {id: $id})
WITH s, CASE s.kind WHEN 'PTP' THEN COUNT { ()-[e:PTP_EDIT]->() WHERE e.setId = s.id } ELSE COUNT { ()-[:MUE]->(s) } END AS edits
CALL (s, edits) {
  WITH s, edits
  WHERE $changed OR s.status <> 'complete' OR s.editCount IS NULL OR s.editCount <> edits
  SET s.status = 'complete', s.completedAt = datetime(), s.editCount = edits
}
RETURN edits
