// Every complete NCD policy id, in id order (LCD articles, kind LCD_ARTICLE, apply only in their contractors' states and are left out).
MATCH (p:Policy {status: 'complete', kind: 'NCD'})
RETURN p.id AS id
ORDER BY p.id
