// A set of NCCI edits from one CMS file version (issue 15): PTP or MUE, its setting, version and
// files. A new set is 'loading' (its edits invisible) until edit-set-complete marks it. `fresh`: no
// edge of the set exists yet (a new set, or one whose first import stopped before its first batch),
// so its PTP edits may be written with CREATE (ptp-edits-new) instead of MERGE.
MERGE (s:EditSet {id: $id})
ON CREATE SET s.status = 'loading'
WITH s, $props AS props
CALL (s, props) {
  WITH s, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(s[k] = props[k], false))
  SET s += props
}
RETURN NOT EXISTS { ()-[e:PTP_EDIT]->() WHERE e.setId = $id } AND NOT EXISTS { ()-[:MUE]->(s) } AS fresh
