// What the cached answers depend on, in one small value: every release, policy and NCCI edit set with
// its status and completion time, every GEM crosswalk likewise, and the last curation change. An import or a curation anywhere changes it.
RETURN COLLECT { MATCH (r:Release) RETURN r.id + '@' + coalesce(r.status, '') + '@' + coalesce(toString(r.completedAt), '') ORDER BY r.id } AS releases,
       COLLECT { MATCH (p:Policy) RETURN p.id + '@' + coalesce(p.status, '') + '@' + coalesce(toString(p.completedAt), '') ORDER BY p.id } AS policies,
       COLLECT { MATCH (s:EditSet) RETURN s.id + '@' + coalesce(s.status, '') + '@' + coalesce(toString(s.completedAt), '') ORDER BY s.id } AS editSets,
       COLLECT { MATCH (x:Crosswalk) RETURN x.id + '@' + coalesce(x.status, '') + '@' + coalesce(toString(x.completedAt), '') ORDER BY x.id } AS crosswalks,
       COUNT { MATCH (e:AuditEvent) } AS curationChanges
