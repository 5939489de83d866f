package dev.tern.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the site is written in. Chosen per request: {@code ?lang=} (which also sets the
 * {@code lang} cookie), else the {@code lang} cookie, else {@code Accept-Language}, else English.
 */
enum Language {
    EN("en", Locale.ENGLISH),
    PT_PT("pt-PT", Locale.forLanguageTag("pt-PT"));

    static final Language DEFAULT = EN;

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The BCP 47 tag: the {@code lang} attribute, {@code Content-Language}, the cookie's value. */
    String tag() {
        return tag;
    }

    Locale locale() {
        return locale;
    }

    /** A language named by {@code ?lang=} or the cookie: {@code en}, {@code pt-PT} (also {@code pt}), any case. */
    static Optional<Language> fromTag(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "en" -> Optional.of(EN);
            case "pt-pt", "pt" -> Optional.of(PT_PT);
            default -> Optional.empty();
        };
    }

    /**
     * The best language for an {@code Accept-Language} header: the first range (by weight) that is
     * English or any Portuguese (pt-PT is closer to pt-BR than English is); English otherwise,
     * including for a header that cannot be read.
     */
    static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1_000) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String r = range.getRange().toLowerCase(Locale.ROOT);
            if (r.equals("pt") || r.startsWith("pt-")) {
                return PT_PT;
            }
            if (r.equals("en") || r.startsWith("en-") || r.equals("*")) {
                return EN;
            }
        }
        return DEFAULT;
    }
}
