// LCD billing articles (issue 15) of the Medicare Coverage Database download, as Policy nodes of
// kind LCD_ARTICLE (label LcdArticle: the NCD queries leave them out, an article applying only in
// its contractors' states). A new article starts 'loading' and becomes visible at policy-complete,
// after its groups, codes and contractors. Properties are written only when they differ.
UNWIND $rows AS row
MERGE (o:Organization {id: row.publisher})
MERGE (p:Policy {id: row.id})
ON CREATE SET p.status = 'loading'
SET p:LcdArticle
WITH p, o, row.props AS given
WITH p, o, given {.*, articleId: toInteger(given.articleId), articleType: toInteger(given.articleType), publishedOn: date(given.publishedOn), effectiveFrom: date(given.effectiveFrom), effectiveTo: date(given.effectiveTo),
                     lastUpdated: date(given.lastUpdated), fileDate: date(given.fileDate),
                     defaultEffectiveFrom: date(given.defaultEffectiveFrom), defaultEffectiveTo: date(given.defaultEffectiveTo)} AS props
CALL (p, props) {
  WITH p, props
  WHERE any(k IN keys(props) WHERE NOT coalesce(p[k] = props[k], p[k] IS NULL AND props[k] IS NULL))
  SET p += props
}
MERGE (p)-[:PUBLISHED_BY]->(o)
