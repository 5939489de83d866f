package dev.tern.migration.verify;

import java.util.Objects;
import java.util.Optional;

/** Asks a running Tern how it answers {@code GET /<keyword>}, as a probe that is not counted as a click. */
interface RedirectProbe extends AutoCloseable {

    /** The answer to {@code GET /<keyword>}, redirects not followed. Never throws for network trouble: see {@link Answer#failure}. */
    Answer get(String keyword);

    @Override
    void close();

    /**
     * What came back.
     *
     * @param status   the HTTP status, or 0 when there was no answer
     * @param location the {@code Location} header, if any
     * @param failure  why there was no answer (connection refused, timeout …), if there was none
     */
    record Answer(int status, Optional<String> location, Optional<String> failure) {
        public Answer {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(failure, "failure");
        }

        static Answer of(int status, String location) {
            return new Answer(status, Optional.ofNullable(location), Optional.empty());
        }

        static Answer failed(String why) {
            return new Answer(0, Optional.empty(), Optional.of(why));
        }

        /** For the report: {@code 301 → https://…}, {@code 404}, {@code no answer (…)}. */
        String describe() {
            if (failure.isPresent()) {
                return "no answer (" + failure.get() + ")";
            }
            return location.map(l -> status + " → " + Difference.Shown.quoted(l, 0)).orElse(String.valueOf(status));
        }
    }
}
