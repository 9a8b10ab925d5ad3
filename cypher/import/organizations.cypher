UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
WITH o, row
WHERE any(k IN keys(row) WHERE NOT coalesce(o[k] = row[k], o[k] IS NULL AND row[k] IS NULL))
SET o += row
