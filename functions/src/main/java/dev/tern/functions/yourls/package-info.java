/**
 * The shape of YOURLS's {@code yourls-api.php}: reading its parameters, authenticating its calls and
 * writing its replies in its four formats, byte for byte as YOURLS 1.10 does (the recordings in
 * {@code testdata/yourls/fixtures} are the contract, {@code YourlsFixtureFormatsTest} holds the code
 * to them). What a call <em>does</em> — the use cases and storage — lives elsewhere; nothing here
 * touches a store.
 *
 * <h2>How a handler uses it</h2>
 * <pre>{@code
 * YourlsReplies replies = new YourlsReplies(siteUrl);                   // once per container
 * YourlsAuthenticator auth = new YourlsAuthenticator(site, clock);       // site: a YourlsSite
 *
 * YourlsParams params;
 * try {
 *     params = YourlsParams.fromRequest(request);                        // query + POST form/multipart
 * } catch (YourlsRequestException e) {                                   // too large, bad base64 …
 *     return YourlsFormats.render(replies.requestRejected(e), e.queryParams());
 * }
 * switch (auth.authenticate(params)) {
 *     case YourlsAuthentication.Rejected rejected -> {
 *         return YourlsFormats.render(rejected.reply(), params);         // 403, YOURLS's message
 *     }
 *     case YourlsAuthentication.Authenticated user -> { }                // user.user() is the name
 *     case YourlsAuthentication.Anonymous anonymous -> { }               // a public (non-private) site
 * }
 * YourlsReply reply = switch (params.getOrEmpty("action")) {
 *     case "shorturl" -> ... replies.shortUrlCreated(view) / replies.urlAlreadyStored(existing)
 *                            / replies.keywordUnavailable(kw) / replies.missingOrMalformedUrl()
 *                            / replies.urlIsShortUrl() / replies.databaseError() / replies.shortUrlFailure(…)
 *     case "expand"    -> ... replies.expanded(kw, longUrl, title) / replies.expandNotFound(kw)
 *     case "url-stats" -> ... replies.urlStats(view) / replies.urlStatsNotFound()
 *     case "stats"     -> ... replies.stats(links, totals)              // no links: totals only
 *     case "db-stats"  -> ... replies.dbStats(totals)
 *     case "version"   -> replies.version(YourlsReplies.YOURLS_VERSION,
 *                             "1".equals(params.getOrEmpty("db")) ? YourlsReplies.YOURLS_DB_VERSION : null)
 *     default          -> replies.unknownAction();
 * };
 * YourlsRendered out = YourlsFormats.render(reply, params);              // status, content type, body
 * return Responses.of(out.status(), out.headers(), out.body());
 * }</pre>
 *
 * <h2>Division of labour</h2>
 * <ul>
 *   <li>{@link dev.tern.functions.yourls.YourlsParams}: PHP's {@code $_REQUEST} (POST fields win).</li>
 *   <li>{@link dev.tern.functions.yourls.YourlsAuthenticator}: username+password, static signature,
 *       time-limited signature; the failure reply ready to render.</li>
 *   <li>{@link dev.tern.functions.yourls.YourlsReplies}: one factory per YOURLS reply, taking plain
 *       values ({@link dev.tern.functions.yourls.YourlsLinkView}, {@link dev.tern.functions.yourls.YourlsTotals});
 *       the HTTP status is inside the reply.</li>
 *   <li>{@link dev.tern.functions.yourls.YourlsFormats}: xml (default), json, jsonp, simple (and
 *       anything else, like YOURLS); adds the {@code callback}/{@code jsonp} parameter to every reply
 *       and refuses a bad JSONP callback with YOURLS's 400.</li>
 * </ul>
 * Values stay the caller's business: the keyword after sanitising (for {@code expand} and
 * {@code url-stats}, {@code replies.withoutSite(params.getOrEmpty("shorturl"))}, then sanitised),
 * dates as YOURLS prints them ({@link dev.tern.functions.yourls.YourlsLinkView#formatDate}), which
 * links a {@code stats} filter picks.
 */
package dev.tern.functions.yourls;
