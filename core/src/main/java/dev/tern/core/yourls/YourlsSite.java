package dev.tern.core.yourls;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of the YOURLS site Tern replaces, which the YOURLS-compatible API ({@code yourls-api.php})
 * needs to behave as that site did: who may call it and how keywords are made. Carried over by
 * {@code tern-migrate} from the site's {@code config.php} and {@code yourls_options}, or set through
 * the admin API on a site that never ran YOURLS.
 *
 * @param users             user name → password exactly as {@code config.php} keeps it: a YOURLS hash
 *                          ({@code phpass:!2y!10!…} bcrypt, {@code $P$…} phpass portable, {@code md5:salt:hash})
 *                          or, on sites that never let YOURLS encrypt them, the plain password
 * @param cookieKey         {@code YOURLS_COOKIEKEY}, from which each user's signature token derives;
 *                          empty when unknown (signature authentication is then refused)
 * @param uniqueUrls        {@code YOURLS_UNIQUE_URLS}: shortening a URL that is already stored answers
 *                          the existing link ({@code error:url}) instead of making another
 * @param keywordBase       {@code YOURLS_URL_CONVERT}: 36 ({@code [0-9a-z]}) or 62 ({@code [0-9a-zA-Z]})
 * @param hyphensInKeywords whether {@code -} is also allowed in keywords (YOURLS's {@code hyphens-in-urls} plugin)
 * @param reservedKeywords  {@code $yourls_reserved_URL}: keywords that may not be used (compared exactly)
 * @param privateApi        {@code YOURLS_PRIVATE}: the API requires authentication
 */
public record YourlsSite(
        Map<String, String> users,
        String cookieKey,
        boolean uniqueUrls,
        int keywordBase,
        boolean hyphensInKeywords,
        Set<String> reservedKeywords,
        boolean privateApi) {

    public YourlsSite {
        users = Map.copyOf(Objects.requireNonNull(users, "users"));
        Objects.requireNonNull(cookieKey, "cookieKey");
        reservedKeywords = Set.copyOf(Objects.requireNonNull(reservedKeywords, "reservedKeywords"));
        if (keywordBase != 36 && keywordBase != 62) {
            throw new IllegalArgumentException("keyword base must be 36 or 62 (YOURLS_URL_CONVERT), got " + keywordBase);
        }
    }

    /**
     * A site that never ran YOURLS: no users, no cookie key, unique URLs on and base 36 as in a fresh
     * YOURLS install, private.
     */
    public static YourlsSite defaults() {
        return new YourlsSite(Map.of(), "", true, 36, false, Set.of(), true);
    }
}
