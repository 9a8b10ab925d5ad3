RETURN NOT EXISTS { MATCH (:CodeSystem) } AS empty
