// The medically unlikely edits of each code from complete edit sets (issue 15): one per table (setting
// and file version) that lists the code.
UNWIND $keys AS k
MATCH (c:Code {system: k.system, code: k.code})
RETURN k.system + '|' + k.code AS key,
       COLLECT {
         MATCH (c)-[m:MUE]->(s:EditSet)
         WHERE s.status = 'complete'
         RETURN {
           units: m.units,
           adjudication: m.adjudication,
           adjudicationText: m.adjudicationText,
           rationale: m.rationale,
           setting: m.setting,
           fileVersion: m.fileVersion,
           sourceFile: m.sourceFile
         } AS mue
         ORDER BY m.setting, m.fileVersion
       } AS mues
