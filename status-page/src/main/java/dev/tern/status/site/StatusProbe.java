package dev.tern.status.site;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.LinkStore;
import dev.tern.core.status.OperatorActionStore;
import dev.tern.core.status.ProbeResultStore;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import dev.tern.status.incident.EngineStateStore;
import dev.tern.status.incident.StatusPolicy;
import dev.tern.status.probe.CanaryLink;
import dev.tern.status.probe.ProbeRunner;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a region's status probe, what the Lambda's schedule and {@code local/}'s timer call: make
 * sure the canary link exists, probe every region, save the round, regenerate the site and publish it.
 * If the canary cannot be written (the store is down) the probe still runs: that is what it is for.
 */
public final class StatusProbe {
    /** The page's name and id in the feeds. */
    static final String PAGE_ID = "tern";
    static final String PAGE_NAME = "Tern";

    private final LinkStore links;
    private final ProbeRunner runner;
    private final List<Region> regions;
    private final StatusPolicy policy;
    private final URI pageUrl;
    private final ProbeResultStore results;
    private final OperatorActionStore actions;
    private final EngineStateStore checkpoints;
    private final SitePublisher publisher;
    private final Clock clock;
    private final StatusSiteGenerator generator = new StatusSiteGenerator();
    private volatile Instant since;

    /**
     * @param links the links table, for the canary link
     * @param runner this region's probe of every region
     * @param regions every region shown on the page
     * @param policy the quorum and latency rules
     * @param pageUrl where the site is served, ending in {@code /}
     * @param results the stored probe rounds
     * @param actions operator notes and maintenance windows
     * @param checkpoints this region's engine checkpoint
     * @param publisher where the generated site goes
     * @param clock the time
     */
    public StatusProbe(LinkStore links, ProbeRunner runner, List<Region> regions, StatusPolicy policy, URI pageUrl,
            ProbeResultStore results, OperatorActionStore actions, EngineStateStore checkpoints, SitePublisher publisher,
            Clock clock) {
        this.links = Objects.requireNonNull(links, "links");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.regions = List.copyOf(regions);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pageUrl = Objects.requireNonNull(pageUrl, "pageUrl");
        this.results = Objects.requireNonNull(results, "results");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What one run did.
     *
     * @param round the round probed (and saved)
     * @param files how many files were published
     */
    public record Report(ProbeRound round, int files) {
        /** How many checks of the round failed or timed out. */
        public long failures() {
            return round.results().stream().filter(r -> r.outcome().isFailure()).count();
        }

        /** One JSON line for the logs. */
        public String toJson() {
            return "{\"level\":\"INFO\",\"op\":\"status-probe\",\"region\":\"" + round.probingRegion() + "\",\"minute\":\""
                    + round.minute() + "\",\"checks\":" + round.results().size() + ",\"failures\":" + failures()
                    + ",\"files\":" + files + "}";
        }
    }

    /**
     * Probes, saves, regenerates and publishes once.
     *
     * @throws StoreUnavailableException if the round cannot be saved or the stored results read (the
     *     published site then stays as it was; other regions' probes keep theirs current)
     */
    public Report runOnce() {
        ensureCanary();
        ProbeRound round = runner.run();
        Instant watchingSince = since != null ? since : round.minute();
        StatusPageService service = new StatusPageService(new StatusPage(PAGE_ID, PAGE_NAME, pageUrl, watchingSince), policy,
                regions, results, actions, checkpoints, generator, clock);
        Map<String, byte[]> site = service.record(round);
        publisher.publish(site);
        return new Report(round, site.size());
    }

    private void ensureCanary() {
        try {
            // The canary's creation is when this deployment's page started watching.
            since = CanaryLink.ensure(links, clock.instant()).createdAt();
        } catch (StoreUnavailableException e) {
            // The redirect check will say so; the page must still be generated.
        }
    }
}
