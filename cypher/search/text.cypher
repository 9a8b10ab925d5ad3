// Ranked word-prefix search over titles (full-text index code_text), visible codes only.
// Ties are broken by shorter titles first, then code order. Licensed CPT descriptor text is
// searched only for licensed callers ($licensed).
CALL () {
  CALL db.index.fulltext.queryNodes('code_text', $lucene) YIELD node
  WHERE node:Published AND ($systems IS NULL OR node.system IN $systems) AND (NOT $billableOnly OR node.billable) AND ($licensed OR node.licensedDescriptor IS NULL)
  RETURN count(node) AS total
}
CALL () {
  CALL db.index.fulltext.queryNodes('code_text', $lucene) YIELD node, score
  WHERE node:Published AND ($systems IS NULL OR node.system IN $systems) AND (NOT $billableOnly OR node.billable) AND ($licensed OR node.licensedDescriptor IS NULL)
  WITH node, score ORDER BY score DESC, size(node.display), node.code SKIP $skip LIMIT $limit
  RETURN collect({code: node {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor}, score: score}) AS hits
}
RETURN total, hits
