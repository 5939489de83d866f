package dev.tern.core.click;

import java.util.Locale;
import java.util.regex.Pattern;

/** A coarse class of visitor, from the User-Agent: bots are counted apart from people. */
public enum VisitorClass {
    /** A web browser: most likely a person. */
    BROWSER("browser"),
    /** A crawler, link-preview fetcher or monitor. */
    BOT("bot"),
    /** A command-line tool, library, or no User-Agent at all. */
    OTHER("other");

    /** "cubot" is a phone maker (Android UAs say "CUBOT X30"), not a robot. */
    private static final Pattern BOT_WORDS = Pattern.compile(
            "(?<!cu)bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|quora link|whatsapp|telegram|skypeuripreview"
                    + "|bitlybot|monitor|pingdom|uptime|headless|lighthouse|validator|feedfetcher|python-requests|scrapy");
    private static final Pattern BROWSER_WORDS = Pattern.compile("mozilla/|opera/");

    private final String slug;

    VisitorClass(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** Classifies a User-Agent header value; {@code null} or blank is {@link #OTHER}. */
    public static VisitorClass fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return OTHER;
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        if (BOT_WORDS.matcher(lower).find()) {
            return BOT;
        }
        return BROWSER_WORDS.matcher(lower).find() ? BROWSER : OTHER;
    }

    public static VisitorClass fromSlug(String slug) {
        for (VisitorClass value : values()) {
            if (value.slug.equals(slug)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown visitor class '" + slug + "'");
    }
}
