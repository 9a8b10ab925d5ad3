// Subsumption: is the code the ancestor itself, below it (CHILD_OF), or filed under the category?
// `found` tells whether the ancestor names anything in the code's system.
UNWIND $pairs AS pair
MATCH (c:Code:Published {system: pair.system, code: pair.code})
OPTIONAL MATCH (a:Code:Published {system: pair.system, code: pair.ancestorCode})
OPTIONAL MATCH (cat:Category {id: pair.ancestorCategory})
RETURN pair.key AS key,
       a IS NOT NULL OR cat IS NOT NULL AS found,
       (a IS NOT NULL AND (a = c OR EXISTS { (c)-[:CHILD_OF*1..]->(a) }))
       OR (cat IS NOT NULL AND EXISTS { (c)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(cat) }) AS isA
