package dev.tern.local;

import dev.tern.local.status.LocalStatusOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * How to start the local platform.
 *
 * @param port         the HTTP port on 127.0.0.1; 0 picks a free one
 * @param dataDir      where DynamoDB Local keeps its data; empty for in-memory
 * @param interceptors SDK interceptors added to the DynamoDB client (fault injection in tests)
 * @param status       the status page at {@code /status/}: off, or its probe's interval and rules
 */
public record LocalOptions(int port, Optional<Path> dataDir, List<ExecutionInterceptor> interceptors, LocalStatusOptions status) {
    public LocalOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(status, "status");
        interceptors = List.copyOf(interceptors);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
    }

    /** Without a status page. */
    public LocalOptions(int port, Optional<Path> dataDir, List<ExecutionInterceptor> interceptors) {
        this(port, dataDir, interceptors, LocalStatusOptions.off());
    }

    /** In-memory data on a free port, no status page: what tests use. */
    public static LocalOptions inMemoryOnFreePort() {
        return new LocalOptions(0, Optional.empty(), List.of());
    }

    public LocalOptions withInterceptors(List<ExecutionInterceptor> added) {
        return new LocalOptions(port, dataDir, added, status);
    }

    public LocalOptions withStatus(LocalStatusOptions newStatus) {
        return new LocalOptions(port, dataDir, interceptors, newStatus);
    }
}
