package dev.tern.functions.yourls;

import java.util.Objects;

/** What {@link YourlsAuthenticator} decided about a call. */
public sealed interface YourlsAuthentication
        permits YourlsAuthentication.Authenticated, YourlsAuthentication.Anonymous, YourlsAuthentication.Rejected {

    /** How the caller proved who they are. */
    enum Method {
        /** {@code username} and {@code password}. */
        PASSWORD,
        /** {@code signature}: the user's static token. */
        SIGNATURE,
        /** {@code timestamp} and {@code signature} (a hash of the timestamp and the token). */
        TIMED_SIGNATURE
    }

    /** A known user, proved by {@code method}. */
    record Authenticated(String user, Method method) implements YourlsAuthentication {
        public Authenticated {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(method, "method");
        }
    }

    /** The site's API is public ({@code YOURLS_PRIVATE} off): nobody is asked to prove anything. */
    record Anonymous() implements YourlsAuthentication {
    }

    /**
     * Refused: answer with {@link #reply()} (403, {@code message}, and the {@code callback}
     * parameter as YOURLS's {@code auth.php} puts it), rendered with the request's parameters.
     */
    record Rejected(String message, YourlsReply reply) implements YourlsAuthentication {
        public Rejected {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reply, "reply");
        }
    }
}
