// Where the loaded policies come from: 'official' (a CMS list) or 'sample' (the bundled excerpt).
MATCH (p:Policy)
RETURN DISTINCT coalesce(p.origin, 'official') AS origin
