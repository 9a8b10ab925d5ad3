// The ids of the NCCI edit sets the graph holds (the sample start loads its own only when no other is there).
MATCH (s:EditSet)
RETURN s.id AS id
ORDER BY id
