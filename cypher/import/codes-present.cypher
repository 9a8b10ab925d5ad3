// Which of these codes exist (published or retired), and which systems have a loaded release.
UNWIND $keys AS k
OPTIONAL MATCH (c:Code {system: k.system, code: k.code})
WITH k, c
OPTIONAL MATCH (:Release {status: 'complete'})-[:OF_SYSTEM]->(s:CodeSystem {id: k.system})
RETURN k.system + '|' + k.code AS key, c IS NOT NULL AS present, count(s) > 0 AS systemLoaded
