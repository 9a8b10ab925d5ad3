UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o += row
