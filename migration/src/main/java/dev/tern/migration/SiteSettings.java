package dev.tern.migration;

import dev.tern.core.yourls.YourlsSite;
import dev.tern.migration.config.YourlsConfig;
import java.util.LinkedHashSet;

/** The YOURLS-compatible API's settings from the old site's {@code config.php}. */
public final class SiteSettings {
    private SiteSettings() {
    }

    /**
     * Users and their password hashes, the cookie key (signature tokens derive from it), unique-URL
     * mode, the keyword base, the reserved keywords and whether the API needs a login, as the old site
     * had them.
     *
     * @throws MigrationException if the keyword base is neither 36 nor 62
     */
    public static YourlsSite fromConfig(YourlsConfig config) {
        if (config.urlConvert() != 36 && config.urlConvert() != 62) {
            throw new MigrationException("YOURLS_URL_CONVERT is " + config.urlConvert() + " in config.php; YOURLS knows only 36 and 62");
        }
        return new YourlsSite(config.users(), config.cookieKey().orElse(""), config.uniqueUrls(), config.urlConvert(), false,
                new LinkedHashSet<>(config.reservedKeywords()), config.privateSite());
    }
}
