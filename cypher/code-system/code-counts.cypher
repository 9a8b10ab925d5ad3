// `c.code IS NOT NULL` lets the planner seek the (system, code) uniqueness index instead of scanning.
UNWIND $ids AS id
RETURN id,
       COUNT { MATCH (c:Code:Published) WHERE c.system = id AND c.code IS NOT NULL } AS codes,
       COUNT { MATCH (c:Code:Published) WHERE c.system = id AND c.code IS NOT NULL AND c.billable } AS billable
