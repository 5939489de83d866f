package dev.tern.core.abuse;

import dev.tern.core.link.ShortCode;
import java.util.Optional;

/**
 * Where abuse reports are kept: {@code DynamoDbAbuseReportStore} in the store module, an in-memory one
 * in the testkit ({@code AbuseReportStoreContract}). Every method may throw
 * {@link dev.tern.core.error.StoreUnavailableException}.
 */
public interface AbuseReportStore {
    /** Stores a report (ids are unique; storing the same report again changes nothing). */
    void add(AbuseReport report);

    /**
     * Reports newest first, all of them or one link's.
     *
     * @param cursor the {@link AbuseReportPage#next()} of the previous page of the same listing
     * @param limit  1 to 100
     * @throws dev.tern.core.error.InvalidRequestException for a cursor this store did not give out
     */
    AbuseReportPage list(Optional<ShortCode> code, Optional<String> cursor, int limit);

    /** A store that keeps nothing and refuses reports: for deployments and tests without one. */
    AbuseReportStore NONE = new AbuseReportStore() {
        @Override
        public void add(AbuseReport report) {
            throw new UnsupportedOperationException("this deployment keeps no abuse reports");
        }

        @Override
        public AbuseReportPage list(Optional<ShortCode> code, Optional<String> cursor, int limit) {
            return new AbuseReportPage(java.util.List.of(), Optional.empty());
        }
    };
}
