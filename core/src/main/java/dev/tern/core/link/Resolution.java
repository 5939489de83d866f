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

    /** Why a link is gone. */
    enum Reason {
        EXPIRED, DISABLED, DELETED
    }
}
