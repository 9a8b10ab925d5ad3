// The ICD-10-CM codes of the loaded releases in tabular order, for expanding policy ranges.
MATCH (c:Code:ICD10CM:Published)
RETURN c.code AS code, c.sequence AS sequence
