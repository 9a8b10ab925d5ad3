// A set of NCCI edits from one CMS file version (issue 15): PTP or MUE, its setting, version and
// files. A new set is 'loading' (its edits invisible) until edit-set-complete marks it.
MERGE (s:EditSet {id: $id})
ON CREATE SET s.status = 'loading'
WITH s, $props AS props
CALL (s, props) {
  WITH s, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(s[k] = props[k], false))
  SET s += props
}
