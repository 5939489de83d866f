package dev.tern.migration.verify;

import dev.tern.migration.source.ExpiryRow;
import dev.tern.migration.source.LogRow;
import dev.tern.migration.source.SourceSchema;
import dev.tern.migration.source.UrlRow;
import dev.tern.migration.source.YourlsSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A YOURLS source of given rows, listed in the order given (tests choose it), for unit tests. */
final class ListYourlsSource implements YourlsSource {
    private final List<UrlRow> rows;

    ListYourlsSource(List<UrlRow> rows) {
        this.rows = List.copyOf(rows);
    }

    static UrlRow row(String keyword, String url, String title, String timestamp, long clicks) {
        return new UrlRow(keyword, url, title, timestamp, "192.0.2.1", clicks);
    }

    @Override
    public String describe() {
        return "test rows";
    }

    @Override
    public Stream<UrlRow> urls(Optional<String> afterKeyword) {
        return rows.stream().filter(row -> afterKeyword.map(after -> row.keyword().compareTo(after) > 0).orElse(true));
    }

    @Override
    public Stream<LogRow> log() {
        return Stream.empty();
    }

    @Override
    public Map<String, String> options() {
        return Map.of();
    }

    @Override
    public List<ExpiryRow> expiries() {
        return List.of();
    }

    @Override
    public SourceSchema schema() {
        return new SourceSchema("yourls_", Map.of("url", "utf8mb4"), 100, List.of());
    }

    @Override
    public void close() {
    }
}
