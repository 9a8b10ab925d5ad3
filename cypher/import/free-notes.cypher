// Notes that name no code, kept with their text on the code that states them (kinds and texts side
// by side, in document order); written only where they differ, so a second import changes nothing.
UNWIND $rows AS row
MATCH (c:Code {system: row.system, code: row.from})
WITH c, row
WHERE coalesce(c.freeNoteKinds, []) <> row.kinds OR coalesce(c.freeNoteTexts, []) <> row.texts
SET c.freeNoteKinds = row.kinds, c.freeNoteTexts = row.texts
