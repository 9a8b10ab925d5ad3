// Codes starting with any of the prefixes (range seek on the code_code index): the code as typed
// ($exact) first, then code order.
CALL () {
  UNWIND $prefixes AS prefix
  MATCH (c:Code:Published) WHERE c.code STARTS WITH prefix
    AND ($systems IS NULL OR c.system IN $systems) AND (NOT $billableOnly OR c.billable)
  RETURN count(DISTINCT c) AS total
}
CALL () {
  UNWIND $prefixes AS prefix
  MATCH (c:Code:Published) WHERE c.code STARTS WITH prefix
    AND ($systems IS NULL OR c.system IN $systems) AND (NOT $billableOnly OR c.billable)
  WITH DISTINCT c ORDER BY c.code = $exact DESC, c.code, c.system SKIP $skip LIMIT $limit
  RETURN collect({code: c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor}, score: null}) AS hits
}
RETURN total, hits
