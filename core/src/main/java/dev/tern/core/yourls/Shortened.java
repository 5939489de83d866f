package dev.tern.core.yourls;

import dev.tern.core.link.Link;
import java.util.Objects;

/** What YOURLS's {@code shorturl} action came to: one case per answer a YOURLS client can get. */
public sealed interface Shortened {

    /** The link was created ({@code status: success}). */
    record Created(Link link) implements Shortened {
        public Created {
            Objects.requireNonNull(link, "link");
        }
    }

    /**
     * Unique-URL mode found the URL stored already ({@code error:url}): the existing link and its clicks.
     *
     * @param requestedUrl the URL as asked for, normalised (YOURLS shows it, not the stored one, in the message)
     */
    record AlreadyStored(String requestedUrl, Link existing, long clicks) implements Shortened {
        public AlreadyStored {
            Objects.requireNonNull(requestedUrl, "requestedUrl");
            Objects.requireNonNull(existing, "existing");
        }
    }

    /** The custom keyword, as sanitised (possibly empty), is taken or reserved ({@code error:keyword}). */
    record KeywordUnavailable(String keyword) implements Shortened {
        public KeywordUnavailable {
            Objects.requireNonNull(keyword, "keyword");
        }
    }

    /**
     * The custom keyword, as sanitised, is longer than a Tern code may be (YOURLS answered a database
     * error here; Tern says what is wrong).
     */
    record KeywordTooLong(String keyword, int maxLength) implements Shortened {
        public KeywordTooLong {
            Objects.requireNonNull(keyword, "keyword");
        }
    }

    /** No URL, or one Tern does not accept ({@code error:nourl}); {@code detail} says why, for logs and docs. */
    record MissingOrMalformedUrl(String detail) implements Shortened {
        public MissingOrMalformedUrl {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The URL is a short URL of this site ({@code error:noloop}). */
    record ShortUrlLoop() implements Shortened {
    }
}
