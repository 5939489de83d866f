package dev.tern.core.link;

/** What following a short code leads to. */
public sealed interface Resolution {

    /** An active link: redirect to it. */
    record Found(Link link) implements Resolution {
    }

    /** No link has the code. */
    record NotFound(ShortCode code) implements Resolution {
    }

    /** The link exists but must not redirect any more. */
    record Gone(Link link, Reason reason) implements Resolution {
    }

    /**
     * An active link whose destination is refused now (its host was blocklisted after the link was
     * created, or its scheme is no longer allowed): a warning page, never a redirect.
     *
     * @param reason what refuses it: the blocklist entry, or {@code scheme:<name>}
     */
    record Blocked(Link link, String reason) implements Resolution {
    }

    /** Why a link is gone. */
    enum Reason {
        EXPIRED, DISABLED, DELETED
    }
}
