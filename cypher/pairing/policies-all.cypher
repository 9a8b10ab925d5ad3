// Every complete NCD policy id, in id order (LCD articles, which apply only in their contractors' states, are left out).
MATCH (p:Policy&!LcdArticle {status: 'complete'})
RETURN p.id AS id
ORDER BY p.id
