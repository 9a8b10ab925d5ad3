// The NCCI procedure-to-procedure edits of each code, both directions, from complete edit sets
// (issue 15): which column the code is, the other code, and the edit as its CMS file states it.
UNWIND $keys AS k
MATCH (c:Code {system: k.system, code: k.code})
RETURN k.system + '|' + k.code AS key,
       COLLECT {
         MATCH (c)-[e:PTP_EDIT]-(o:Code)
         WHERE EXISTS { MATCH (s:EditSet {id: e.setId}) WHERE s.status = 'complete' }
         RETURN {
           column: CASE WHEN startNode(e) = c THEN 1 ELSE 2 END,
           other: o {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor},
           modifierIndicator: e.modifierIndicator,
           effectiveFrom: toString(e.effectiveFrom),
           effectiveTo: toString(e.effectiveTo),
           before1996: e.before1996,
           rationale: e.rationale,
           setting: e.setting,
           fileVersion: e.fileVersion,
           sourceFile: e.sourceFile
         } AS edit
         ORDER BY o.system, o.code, e.setting, e.effectiveFrom
       } AS edits
