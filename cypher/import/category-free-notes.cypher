// Notes that name no code, kept with their text on the block or chapter that states them (kinds
// and texts side by side, in document order); written only where they differ.
UNWIND $rows AS row
MATCH (c:Category {id: row.from})
WITH c, row
WHERE coalesce(c.freeNoteKinds, []) <> row.kinds OR coalesce(c.freeNoteTexts, []) <> row.texts
SET c.freeNoteKinds = row.kinds, c.freeNoteTexts = row.texts
