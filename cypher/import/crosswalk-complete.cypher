// Marks a crosswalk complete once all of its entries are committed; only then do queries see its
// MAPS_TO edges. The codes of $gemOnlySystem (ICD-9-CM, whose codes only the GEMs bring) become
// visible (:Published) too. $changed (the import wrote something) renews completedAt, the mark
// services watch.
MATCH (x:Crosswalk {id: $id})
CALL (x) {
  MATCH (c:Code)
  WHERE c.system = $gemOnlySystem AND NOT c:Published AND NOT c:Retired
  SET c:Published
}
WITH x, COUNT { ()-[m:MAPS_TO]->() WHERE m.crosswalk = x.id } AS mappings
CALL (x, mappings) {
  WITH x, mappings
  WHERE $changed OR x.status <> 'complete' OR x.mappingCount IS NULL OR x.mappingCount <> mappings
  SET x.status = 'complete', x.completedAt = datetime(), x.mappingCount = mappings
}
RETURN mappings
