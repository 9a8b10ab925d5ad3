// Codes a policy names that no loaded release holds. A code of a system with no loaded release
// (CPT without a licensed descriptor file) becomes a published placeholder with the project's own
// words; a code its loaded release lacks becomes a retired reference (:Retired, never :Published),
// kept so the policy's entry does not vanish. Existing codes are left as they are.
UNWIND $rows AS row
MERGE (c:Code {system: row.system, code: row.code})
ON CREATE SET c += row.props, c:$(row.labels)
RETURN count(c) AS codes
