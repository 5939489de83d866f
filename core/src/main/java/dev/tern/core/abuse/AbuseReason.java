package dev.tern.core.abuse;

import java.util.Locale;
import java.util.Optional;

/** Why a visitor reports a link. The API and the form use {@link #slug()}. */
public enum AbuseReason {
    SPAM, PHISHING, MALWARE, ILLEGAL, OTHER;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason of a slug ({@code phishing}), or empty. */
    public static Optional<AbuseReason> fromSlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        for (AbuseReason reason : values()) {
            if (reason.slug().equals(slug.strip())) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
