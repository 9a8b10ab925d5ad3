RETURN NOT EXISTS { MATCH (:CodeSystem) } AS noSystems, NOT EXISTS { MATCH (:Release) } AS noReleases
