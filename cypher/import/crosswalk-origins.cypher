// Where the loaded crosswalks come from: 'official' (CMS's GEM files) or 'sample' (the bundled excerpt).
MATCH (x:Crosswalk)
RETURN DISTINCT coalesce(x.origin, 'official') AS origin
