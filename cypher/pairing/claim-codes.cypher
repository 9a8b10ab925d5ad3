// The codes a claim names: published or retired, with the windows of the complete releases they are valid in.
UNWIND $keys AS k
MATCH (c:Code {system: k.system, code: k.code})
WHERE c:Published OR c:Retired
RETURN k.system + '|' + k.code AS key,
       c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: c:Retired} AS code,
       COLLECT {
         MATCH (c)-[:VALID_IN]->(r:Release {status: 'complete'})
         RETURN {version: r.version, effectiveFrom: toString(r.effectiveFrom), effectiveTo: toString(r.effectiveTo)} ORDER BY r.effectiveFrom
       } AS releases
