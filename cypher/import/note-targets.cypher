// The codes and categories one note names, in the order it names them; NOTE_TARGET edges the note
// no longer names (an earlier import resolved it otherwise) are removed.
UNWIND $rows AS row
MATCH (n:Note {id: row.id})
CALL (n, row) {
  UNWIND range(0, size(row.targets) - 1) AS i
  WITH n, row.targets[i] AS target, i
  CALL (target) {
    MATCH (t:Code {system: target.system, code: target.code}) WHERE target.category IS NULL RETURN t
    UNION
    MATCH (t:Category {id: target.category}) RETURN t
  }
  MERGE (n)-[r:NOTE_TARGET]->(t)
  WITH r, i WHERE r.position IS NULL OR r.position <> i
  SET r.position = i
}
CALL (n, row) {
  MATCH (n)-[r:NOTE_TARGET]->(t)
  WHERE NOT any(target IN row.targets WHERE (target.category IS NULL AND t:Code AND t.code = target.code) OR t.id = target.category)
  DELETE r
}
