UNWIND $keys AS k
MATCH (:Code {system: k.system, code: k.code})-[n:EXCLUDES1|EXCLUDES2]->(t:Code)
WITH k, n, t ORDER BY type(n), t.code
RETURN k.system + '|' + k.code AS key,
       collect({kind: type(n), text: n.text, targetSystem: t.system, targetCode: t.code}) AS notes
