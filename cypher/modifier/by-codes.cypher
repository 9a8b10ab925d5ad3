// Which of the given modifiers of a system are valid in a complete release (claim lines name them).
MATCH (m:Modifier {system: $system})
WHERE m.code IN $codes
  AND EXISTS { (m)-[:VALID_IN]->(:Release {status: 'complete'}) }
RETURN m.code AS code
ORDER BY code
