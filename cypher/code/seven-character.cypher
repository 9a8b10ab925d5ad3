// The 7th-character definitions that apply to each code: its own, or its nearest ancestor's.
UNWIND $keys AS k
MATCH path = (:Code {system: k.system, code: k.code})-[:CHILD_OF*0..]->(a:Code)
WHERE a.sevenCharacterValues IS NOT NULL
WITH k, a ORDER BY length(path)
WITH k, head(collect(a)) AS a
RETURN k.system + '|' + k.code AS key,
       {definedOn: a.code, note: a.sevenCharacterNote, values: a.sevenCharacterValues, texts: a.sevenCharacterTexts} AS extensions
