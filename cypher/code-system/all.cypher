MATCH (s:CodeSystem)
RETURN s {.*} AS system
ORDER BY s.id
