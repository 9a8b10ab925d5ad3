// Codes filed directly in a category whose parent code is not in it: the top of each hierarchy,
// one page ($skip, $first) per category with how many there are.
UNWIND $ids AS id
MATCH (:Category {id: id})<-[:IN_CATEGORY]-(c:Code:Published)
WHERE NOT EXISTS { (c)-[:CHILD_OF]->(:Code)-[:IN_CATEGORY]->(:Category {id: id}) }
WITH id, c ORDER BY c.code
WITH id, collect(c {.system, .code, .display, .shortDisplay, .billable, .kind, .role, .licensedDescriptor}) AS codes
RETURN id, codes[$skip..$skip + $first] AS codes, size(codes) AS total
