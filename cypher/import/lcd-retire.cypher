// Retires the LCD billing articles a newer MCD current-article download no longer holds: the download
// is the whole set of current articles, so one it lacks is no longer in force. The article keeps its
// groups, codes and listings for the record and leaves every query (status 'retired', retiredOn the
// download's date); a later download that holds it again makes it complete again.
MATCH (p:Policy:LcdArticle {status: 'complete'})
WHERE NOT p.id IN $current
SET p.status = 'retired', p.retiredOn = date($fileDate), p.completedAt = datetime()
RETURN p.id AS id ORDER BY id
