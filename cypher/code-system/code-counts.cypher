UNWIND $ids AS id
RETURN id,
       COUNT { MATCH (c:Code) WHERE c.system = id } AS codes,
       COUNT { MATCH (c:Code) WHERE c.system = id AND c.billable } AS billable
