// Modifiers of a system valid in a complete release, in code order.
MATCH (m:Modifier {system: $system})
WHERE EXISTS { (m)-[:VALID_IN]->(:Release {status: 'complete'}) }
  AND ($code IS NULL OR m.code = $code)
RETURN m {.*} AS modifier
ORDER BY m.code
