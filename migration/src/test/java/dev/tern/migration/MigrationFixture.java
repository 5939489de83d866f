package dev.tern.migration;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.ShortCode;
import dev.tern.migration.source.RowChecksum;
import dev.tern.migration.source.UrlRow;
import dev.tern.migration.source.YourlsSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Small YOURLS dumps written by tests, and Tern's side of the checksum of expected.json. */
final class MigrationFixture {
    static final String SCHEMA = """
            /*M!999999\\- enable the sandbox mode */
            /*!40101 SET NAMES utf8mb4 */;
            CREATE TABLE `yourls_url` (
              `keyword` varchar(100) NOT NULL DEFAULT '',
              `url` text NOT NULL,
              `title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci DEFAULT NULL,
              `timestamp` timestamp NOT NULL DEFAULT current_timestamp(),
              `ip` varchar(41) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
              `clicks` int(10) unsigned NOT NULL,
              PRIMARY KEY (`keyword`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
            CREATE TABLE `yourls_log` (
              `click_id` int(11) NOT NULL AUTO_INCREMENT,
              `click_time` datetime NOT NULL,
              `shorturl` varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
              `referrer` varchar(200) NOT NULL,
              `user_agent` varchar(255) NOT NULL,
              `ip_address` varchar(41) NOT NULL,
              `country_code` char(2) NOT NULL,
              PRIMARY KEY (`click_id`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
            CREATE TABLE `yourls_options` (
              `option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
              `option_name` varchar(64) NOT NULL DEFAULT '',
              `option_value` longtext NOT NULL,
              PRIMARY KEY (`option_id`,`option_name`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
            """;

    private MigrationFixture() {
    }

    /** A dump of the fresh-install schema with these INSERT statements (already terminated by ';'). */
    static Path dump(Path dir, String name, String... inserts) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, SCHEMA + String.join("\n", inserts) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The url rows of a source, in its order. */
    static List<UrlRow> rows(YourlsSource source) {
        try (Stream<UrlRow> rows = source.urls(Optional.empty())) {
            return rows.toList();
        }
    }

    /**
     * Tern's side of expected.json's checksum over keyword|url|title|timestamp|clicks, for the
     * keywords of {@code rows} (a keyword missing in Tern is a line that cannot match).
     */
    static RowChecksum ternChecksum(List<UrlRow> rows, LinkStore links, ClickCounterStore clicks) {
        List<String> lines = new ArrayList<>(rows.size());
        for (UrlRow row : rows) {
            Optional<Link> link = links.findLatest(new ShortCode(row.keyword()));
            if (link.isEmpty()) {
                lines.add("MISSING|" + row.keyword());
                continue;
            }
            lines.add(RowChecksum.urlLine(row.keyword(), link.get().target().value(), link.get().title(),
                    LinkMapper.TIMESTAMP.format(link.get().createdAt().atZone(ZoneOffset.UTC)), clicks.total(link.get().code())));
        }
        return RowChecksum.of(lines.stream());
    }
}
