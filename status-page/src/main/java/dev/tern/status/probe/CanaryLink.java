package dev.tern.status.probe;

import dev.tern.core.error.CodeTakenException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.core.status.CanaryCode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The dedicated link the redirect check follows. It has its own redirect policy (302, never cached)
 * so that the expected answer does not depend on the deployment's redirect settings, and so that no
 * cache (the container's, a CDN's) can answer for a store that is down. The probe creates it when it
 * is missing and repairs it when someone changed it.
 */
public final class CanaryLink {
    /** Its code, {@link CanaryCode#VALUE}. */
    public static final String CODE = CanaryCode.VALUE;
    /** Where it points: a reserved example domain, never fetched by the probe (redirects are not followed). */
    public static final URI TARGET = URI.create("https://example.com/tern-status-canary");
    /** Its redirect status. */
    public static final int STATUS = 302;
    private static final RedirectPolicy POLICY = new RedirectPolicy(STATUS, Duration.ZERO, false);
    private static final Creator CREATOR = new Creator("status-probe");

    private CanaryLink() {
    }

    /**
     * Makes sure the canary link exists, active and as defined here, and returns it (its creation time
     * is when the status page started watching the deployment).
     *
     * @throws dev.tern.core.error.StoreUnavailableException if the store cannot answer
     */
    public static Link ensure(LinkStore links, Instant now) {
        ShortCode code = ShortCode.parse(CODE);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Link> current = links.findLatest(code);
            if (current.isEmpty()) {
                Link created = new Link(code, LongUrl.fromStored(TARGET.toASCIIString()), "Status probe canary", now, CREATOR,
                        LinkStatus.ACTIVE, null, POLICY, null);
                try {
                    links.insertNew(created);
                    return created;
                } catch (CodeTakenException createdMeanwhile) {
                    continue;
                }
            }
            Link link = current.get();
            if (isIntact(link)) {
                return link;
            }
            Link repaired = new Link(code, LongUrl.fromStored(TARGET.toASCIIString()), link.title(), link.createdAt(), link.creator(),
                    LinkStatus.ACTIVE, null, POLICY, null);
            if (links.replace(link, repaired)) {
                return repaired;
            }
        }
        throw new IllegalStateException("The canary link " + CODE + " kept changing while the probe repaired it");
    }

    /** The standard probe plan with this canary (no API key nor YOURLS signature). */
    public static ProbePlan plan() {
        return ProbePlan.standard(CODE, STATUS, TARGET, Optional.empty(), Optional.empty());
    }

    private static boolean isIntact(Link link) {
        return link.status() == LinkStatus.ACTIVE
                && link.target().value().equals(TARGET.toASCIIString())
                && link.expiry().isEmpty()
                && Objects.equals(link.ownRedirectPolicy().orElse(null), POLICY);
    }
}
