// Search candidates (issue 17): the best $candidates codes of the full-text index code_search (titles,
// Includes notes and inclusion terms, PCS body-part terms) by Lucene score, visible codes only, with every text the
// ranking looks at; and the count of all matches. The service ranks the candidates (search-ranking.ts).
// Licensed CPT descriptor text is searched only for licensed callers ($licensed).
CALL () {
  CALL db.index.fulltext.queryNodes('code_search', $lucene) YIELD node
  WHERE node:Published AND ($systems IS NULL OR node.system IN $systems) AND (NOT $billableOnly OR node.billable) AND ($licensed OR node.licensedDescriptor IS NULL)
  RETURN count(node) AS total
}
CALL () {
  CALL db.index.fulltext.queryNodes('code_search', $lucene) YIELD node, score
  WHERE node:Published AND ($systems IS NULL OR node.system IN $systems) AND (NOT $billableOnly OR node.billable) AND ($licensed OR node.licensedDescriptor IS NULL)
  WITH node, score ORDER BY score DESC LIMIT $candidates
  RETURN collect(node {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, .includes, .inclusionTerms, .pcsBodyPartTerms, .sequence}) AS candidates
}
RETURN total, candidates
