// Instructional notes from each code to the codes (visible ones) or categories they name.
UNWIND $keys AS k
MATCH (:Code {system: k.system, code: k.code})-[n:EXCLUDES1|EXCLUDES2|CODE_FIRST|USE_ADDITIONAL|CODE_ALSO]->(t)
WHERE t:Published OR t:Category
WITH k, n, t ORDER BY type(n), coalesce(t.code, t.id), n.text
RETURN k.system + '|' + k.code AS key,
       collect({kind: type(n), text: n.text, targetSystem: t.system,
                targetCode: CASE WHEN t:Code THEN t.code END, targetCategory: CASE WHEN t:Category THEN t.id END}) AS notes
