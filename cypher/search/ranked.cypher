// Search candidates (issue 17): one query of the full-text index code_search (titles, Includes notes
// and inclusion terms, PCS body-part terms), visible codes only: the count of all matches and the
// best $candidates by Lucene score (the index yields best first) with every text the ranking looks
// at. The service ranks the candidates (search-ranking.ts). Licensed CPT descriptor text is searched
// only for licensed callers ($licensed).
CALL db.index.fulltext.queryNodes('code_search', $lucene) YIELD node
WHERE node:Published AND ($systems IS NULL OR node.system IN $systems) AND (NOT $billableOnly OR node.billable) AND ($licensed OR node.licensedDescriptor IS NULL)
WITH collect(node) AS hits
RETURN size(hits) AS total,
  [n IN hits[0..$candidates] | n {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, .includes, .inclusionTerms, .pcsBodyPartTerms, .sequence}] AS candidates
