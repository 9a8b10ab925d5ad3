// A crosswalk: the entries of one GEM file (issue 16), which way it maps, its year, file and origin
// ('official' or 'sample'). A new crosswalk is 'loading' (its MAPS_TO edges invisible) until
// crosswalk-complete marks it. Properties are set only when they differ.
MERGE (x:Crosswalk {id: $id})
ON CREATE SET x.status = 'loading'
WITH x, $props AS props
CALL (x, props) {
  WITH x, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(x[k] = props[k], false))
  SET x += props
}
