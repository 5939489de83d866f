package dev.tern.testkit;

import dev.tern.core.abuse.AbuseReportStore;
import dev.tern.core.abuse.BlockedHostStore;

class InMemoryAbuseControlTest extends AbuseControlContract {
    private final InMemoryBlockedHostStore hosts = new InMemoryBlockedHostStore();
    private final InMemoryAbuseReportStore reports = new InMemoryAbuseReportStore();

    @Override
    protected BlockedHostStore blockedHosts() {
        return hosts;
    }

    @Override
    protected AbuseReportStore abuseReports() {
        return reports;
    }
}
