package dev.tern.core.abuse;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.TernException;
import dev.tern.core.link.LongUrl;
import java.util.Optional;

/**
 * Which destinations Tern refuses: checked when a link is created, changed or restored, and again on
 * every redirect (a link whose host was blocked after its creation shows a warning page instead of
 * redirecting). See {@link HostBlocklist}.
 */
@FunctionalInterface
public interface Blocklist {
    /** Blocks nothing. */
    Blocklist NONE = url -> Optional.empty();

    /** The blocklist entry that blocks {@code url}'s host, if any; URLs without a host are never blocked. */
    Optional<String> blockingEntry(LongUrl url);

    /**
     * @throws TernException {@link ErrorCode#BLOCKED_URL} if {@code url} is blocked
     */
    default void requireAllowed(LongUrl url) {
        Optional<String> entry = blockingEntry(url);
        if (entry.isPresent()) {
            throw new TernException(ErrorCode.BLOCKED_URL,
                    "Links to " + entry.get() + " are not accepted here (the host is on this site's blocklist)");
        }
    }
}
