// A crosswalk: the entries of one GEM file (issue 16), which way it maps, its year, file and origin
// ('official' or 'sample'). A new crosswalk is 'loading' (its MAPS_TO edges invisible) until
// crosswalk-complete marks it. Properties are set only when they differ. `fresh`: no MAPS_TO edge of
// this crosswalk exists yet (a new crosswalk, or one whose first import stopped before its first
// batch), so its entries may be written with CREATE (gem-mappings-new) instead of MERGE.
MERGE (x:Crosswalk {id: $id})
ON CREATE SET x.status = 'loading'
WITH x, $props AS props
CALL (x, props) {
  WITH x, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(x[k] = props[k], false))
  SET x += props
}
RETURN NOT EXISTS { ()-[m:MAPS_TO]->() WHERE m.crosswalk = $id } AS fresh
