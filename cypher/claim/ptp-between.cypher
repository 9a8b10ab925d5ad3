// The NCCI procedure-to-procedure edits among the procedures of a claim (issue 15): every edit from
// a complete edit set whose column 1 and column 2 codes are both among $keys, any date and setting.
UNWIND $keys AS k
MATCH (a:Code {system: k.system, code: k.code})-[e:PTP_EDIT]->(b:Code)
WHERE any(o IN $keys WHERE o.system = b.system AND o.code = b.code)
  AND EXISTS { MATCH (s:EditSet {id: e.setId}) WHERE s.status = 'complete' }
RETURN a.system + '|' + a.code AS column1,
       b.system + '|' + b.code AS column2,
       {
         modifierIndicator: e.modifierIndicator,
         effectiveFrom: toString(e.effectiveFrom),
         effectiveTo: toString(e.effectiveTo),
         before1996: e.before1996,
         rationale: e.rationale,
         setting: e.setting,
         fileVersion: e.fileVersion,
         sourceFile: e.sourceFile
       } AS edit
ORDER BY column1, column2, edit.setting, edit.effectiveFrom
