// Every stored property of each code: tabular notes text, 7th-character definitions, HCPCS dates.
UNWIND $keys AS k
MATCH (c:Code:Published {system: k.system, code: k.code})
RETURN k.system + '|' + k.code AS key, properties(c) AS details
