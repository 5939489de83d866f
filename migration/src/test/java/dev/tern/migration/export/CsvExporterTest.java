package dev.tern.migration.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CsvExporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private final ExportFixture tern = new ExportFixture();

    private String export(ExportOptions options, ExportCounts[] counts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        counts[0] = new CsvExporter(tern.stores, options, CLOCK).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void write_headerAndRows_newestFirstWithCrlf() throws IOException {
        tern.put("old", "https://example.com/old", "Old", "2026-11-23T05:20:26Z", 3);
        tern.put("new", "https://example.com/new", "", "2026-11-23T05:36:13.999Z", 0);
        ExportCounts[] counts = new ExportCounts[1];

        String csv = export(ExportOptions.defaults(), counts);

        assertThat(csv).isEqualTo("keyword,url,title,timestamp,clicks\r\n"
                + "new,https://example.com/new,,2026-11-23 05:36:13,0\r\n"
                + "old,https://example.com/old,Old,2026-11-23 05:20:26,3\r\n");
        assertThat(counts[0]).isEqualTo(new ExportCounts(2, 3, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void write_quotesCommasNewlinesAndUnicode_areEscapedAsRfc4180Says() throws IOException {
        tern.put("q", "https://example.com/?a=1,2&b=\"x\"", "He said \"hi\", then\r\nleft 😀 münchen", "2026-11-23T05:20:26Z", 1);
        ExportCounts[] counts = new ExportCounts[1];

        String csv = export(ExportOptions.defaults(), counts);

        assertThat(csv).endsWith("q,\"https://example.com/?a=1,2&b=\"\"x\"\"\",\"He said \"\"hi\"\", then\r\nleft 😀 münchen\",2026-11-23 05:20:26,1\r\n");
        assertThat(csv.getBytes(StandardCharsets.UTF_8)).startsWith("keyword".getBytes(StandardCharsets.UTF_8)); // no BOM
    }

    @Test
    void field_plainValue_isNotQuoted() {
        assertThat(CsvExporter.field("https://example.com/a;b c'd")).isEqualTo("https://example.com/a;b c'd");
        assertThat(CsvExporter.field("")).isEmpty();
        assertThat(CsvExporter.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvExporter.field("\"")).isEqualTo("\"\"\"\"");
    }

    @Test
    void write_deletedLinks_areLeftOutUnlessAskedAndDisabledOnesKept() throws IOException {
        tern.put("on", "https://example.com/on", "", "2026-11-23T05:20:26Z", 1);
        tern.put("off", "file:///etc/passwd", "", "2026-11-23T05:20:27Z", 2, LinkStatus.DISABLED);
        Link gone = tern.put("gone", "https://example.com/gone", "", "2026-11-23T05:20:28Z", 4);
        tern.links.replace(gone, gone.softDeleted(Instant.parse("2026-11-30T00:00:00Z")));
        Link expired = tern.put("past", "https://example.com/past", "", "2026-11-23T05:20:29Z", 0);
        tern.links.replace(expired, expired.withExpiry(Instant.parse("2026-11-24T00:00:00Z")));
        ExportCounts[] counts = new ExportCounts[1];

        String without = export(ExportOptions.defaults(), counts);
        assertThat(without).contains("\r\noff,").contains("\r\non,").contains("\r\npast,").doesNotContain("gone");
        assertThat(counts[0]).isEqualTo(new ExportCounts(3, 3, 1, 1, 0, 1, 0, 0, 0));
        assertThat(counts[0].summary()).contains("1 of them are disabled").contains("1 deleted links were left out");

        String with = export(ExportOptions.defaults().withDeleted(true), counts);
        assertThat(with).contains("\r\ngone,");
        assertThat(counts[0]).isEqualTo(new ExportCounts(4, 7, 1, 1, 1, 0, 0, 0, 0));
    }

    @Test
    void write_keywordsYourlsServesOnlyWithSettings_areCountedAndExplained() throws IOException {
        tern.put("Ab3dE9x", "https://example.com/1", "", "2026-11-23T05:20:26Z", 0);
        tern.put("my-link", "https://example.com/2", "", "2026-11-23T05:20:27Z", 0);
        tern.put("my_Link", "https://example.com/3", "", "2026-11-23T05:20:28Z", 0);
        tern.put("plain1", "https://example.com/4", "", "2026-11-23T05:20:29Z", 0);
        ExportCounts[] counts = new ExportCounts[1];

        export(ExportOptions.defaults(), counts);

        assertThat(counts[0]).isEqualTo(new ExportCounts(4, 0, 0, 0, 0, 0, 2, 1, 1));
        assertThat(counts[0].summary()).contains("2 keywords have capital letters: set define('YOURLS_URL_CONVERT', 62)")
                .contains("1 keywords have '-'").contains("1 keywords have '_'");
    }

    @Test
    void write_noLinks_isJustTheHeader() throws IOException {
        ExportCounts[] counts = new ExportCounts[1];

        assertThat(export(ExportOptions.defaults(), counts)).isEqualTo(CsvExporter.HEADER + "\r\n");
        assertThat(counts[0].links()).isZero();
    }
}
