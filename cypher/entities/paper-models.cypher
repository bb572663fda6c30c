// One page of the models citing each paper (a batch of Relay connections in one query): most downloaded
// first, then id; models without a download count sort last (as -1). Keyset pagination: a page
// starts after the (downloads, id) of the previous page's last model, so pages stay stable while
// models are added. $first is the page size plus one (the extra row says whether a next page exists).
// Parameters: $requests (list of {key, id, afterDownloads, afterId}; afterId null for the first page;
//   key is echoed back so the caller can match answers to requests), $first (integer).
UNWIND $requests AS req
MATCH (p:Paper {id: req.id})
RETURN req.key AS key,
       COUNT { (p)<-[:CITES]-(:Model) } AS totalCount,
       COLLECT {
         MATCH (p)<-[:CITES]-(m:Model)
         WITH m, coalesce(m.downloads, -1) AS downloads
         WHERE req.afterId IS NULL OR downloads < req.afterDownloads OR (downloads = req.afterDownloads AND m.id > req.afterId)
         WITH m, downloads ORDER BY downloads DESC, m.id ASC LIMIT $first
         RETURN m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag}
       } AS models
