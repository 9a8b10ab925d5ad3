// The GEM entries from each code (issue 16), complete crosswalks only: the target code (null for a
// "no map" entry, whose edge ends at the target CodeSystem), every flag, and the file it came from.
// The code itself may be a retired reference: the GEMs (FY2018) name codes deleted since.
UNWIND $keys AS k
MATCH (c:Code {system: k.system, code: k.code})
WHERE c:Published OR c:Retired
RETURN k.system + '|' + k.code AS key,
       c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: c:Retired} AS code,
       COLLECT {
         MATCH (c)-[m:MAPS_TO]->(t)
         MATCH (x:Crosswalk {id: m.crosswalk})
         WHERE x.status = 'complete'
         RETURN {
           other: CASE WHEN t:Code THEN t {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor, retired: t:Retired} END,
           from: x.from, to: x.to, version: x.version, sourceFile: x.sourceFile,
           approximate: m.approximate, noMap: m.noMap, combination: m.combination, scenario: m.scenario, choiceList: m.choiceList, flags: m.flags
         } AS mapping
         ORDER BY x.to, m.scenario, m.choiceList, t.code
       } AS mappings
