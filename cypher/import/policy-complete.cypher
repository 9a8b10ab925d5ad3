// Marks a policy complete once all of its listings are committed; only then do queries see it.
// $changed (the import wrote something) renews completedAt, the mark services watch to drop cached answers.
MATCH (p:Policy {id: $policy})
WITH p, COUNT { (p)-[:LISTS]->() } AS listings, COUNT { (p)-[:GOVERNS]->() } AS governs
CALL (p, listings, governs) {
  WITH p, listings, governs
  WHERE $changed OR p.status <> 'complete' OR p.listingCount IS NULL OR p.listingCount <> listings OR p.governsCount <> governs
  SET p.status = 'complete', p.completedAt = datetime(), p.listingCount = listings, p.governsCount = governs
}
RETURN listings, governs
