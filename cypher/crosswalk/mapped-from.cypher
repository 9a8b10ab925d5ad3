// The GEM entries that lead to each code (issue 16), complete crosswalks only: the source code,
// every flag, and the file it came from ("which ICD-9-CM codes map to E11.9?").
UNWIND $keys AS k
MATCH (c:Code {system: k.system, code: k.code})
WHERE c:Published OR c:Retired
RETURN k.system + '|' + k.code AS key,
       c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: c:Retired} AS code,
       COLLECT {
         MATCH (c)<-[m:MAPS_TO]-(s:Code)
         MATCH (x:Crosswalk {id: m.crosswalk})
         WHERE x.status = 'complete'
         RETURN {
           other: s {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: s:Retired},
           from: x.from, to: x.to, version: x.version, sourceFile: x.sourceFile,
           approximate: m.approximate, noMap: m.noMap, combination: m.combination, scenario: m.scenario, choiceList: m.choiceList, flags: m.flags
         } AS mapping
         ORDER BY x.from, s.code, m.scenario, m.choiceList
       } AS mappings
