package dev.tern.migration.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.link.LinkStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class YourlsSqlExporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private final ExportFixture tern = new ExportFixture();

    private String export(YourlsSqlOptions site) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new YourlsSqlExporter(tern.stores, ExportOptions.defaults(), site, CLOCK).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void literal_escapesWhatMysqlRealEscapeStringEscapes() {
        assertThat(YourlsSqlExporter.literal("it's")).isEqualTo("'it\\'s'");
        assertThat(YourlsSqlExporter.literal("C:\\path")).isEqualTo("'C:\\\\path'");
        assertThat(YourlsSqlExporter.literal("a\0b")).isEqualTo("'a\\0b'");
        assertThat(YourlsSqlExporter.literal("line\nnext\rend")).isEqualTo("'line\\nnext\\rend'");
        assertThat(YourlsSqlExporter.literal("say \"hi\"")).isEqualTo("'say \\\"hi\\\"'");
        assertThat(YourlsSqlExporter.literal("ctrl\u001Az")).isEqualTo("'ctrl\\Zz'");
        assertThat(YourlsSqlExporter.literal("tab\there")).isEqualTo("'tab\there'");
        assertThat(YourlsSqlExporter.literal("emoji 😀 👨‍👩‍👧 中文")).isEqualTo("'emoji 😀 👨‍👩‍👧 中文'");
        assertThat(YourlsSqlExporter.literal("")).isEqualTo("''");
    }

    @Test
    void write_dump_hasSessionSettingsTablesRowsAndOptions() throws IOException {
        tern.put("abc", "https://example.com/it's", "Title \\ \"q\" 😀", "2026-11-23T05:20:26Z", 5);
        tern.put("Abc", "file:///etc/passwd", "", "2026-11-23T05:20:27Z", 0, LinkStatus.DISABLED);

        String sql = export(YourlsSqlOptions.defaults().withNextId(4256));

        assertThat(sql).contains("SET NAMES utf8mb4;\n", "SET time_zone = '+00:00';\n",
                "DROP TABLE IF EXISTS `yourls_url`;\nCREATE TABLE `yourls_url` (",
                "CREATE TABLE `yourls_log` (", "CREATE TABLE `yourls_options` (",
                ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;");
        assertThat(sql).contains("INSERT INTO `yourls_url` VALUES\n"
                + "('Abc','file:///etc/passwd','','2026-11-23 05:20:27','',0),\n"
                + "('abc','https://example.com/it\\'s','Title \\\\ \\\"q\\\" 😀','2026-11-23 05:20:26','',5);\n");
        assertThat(sql).contains("INSERT INTO `yourls_options` VALUES\n(1,'version','1.10.4'),\n(2,'db_version','507'),\n"
                + "(3,'next_id','4256'),\n(4,'active_plugins','a:0:{}');\n");
        assertThat(sql).doesNotContain("INSERT INTO `yourls_log`");
        assertThat(sql.indexOf("SET time_zone")).isLessThan(sql.indexOf("INSERT INTO"));
    }

    @Test
    void write_tablePrefix_namesEveryTable() throws IOException {
        tern.put("a", "https://example.com/", "", "2026-11-23T05:20:26Z", 0);

        String sql = export(YourlsSqlOptions.defaults().withTablePrefix("short_"));

        assertThat(sql).contains("CREATE TABLE `short_url`", "CREATE TABLE `short_log`", "CREATE TABLE `short_options`",
                "INSERT INTO `short_url` VALUES", "INSERT INTO `short_options` VALUES").doesNotContain("`yourls_");
    }

    @Test
    void write_manyLongLinks_splitsIntoStatementsOfAboutOneMegabyte() throws IOException {
        String longPath = "x".repeat(4000);
        for (int i = 0; i < 600; i++) {
            tern.put("k" + i, "https://example.com/" + longPath + i, "", "2026-11-23T05:20:26Z", 0);
        }

        String sql = export(YourlsSqlOptions.defaults());

        String[] statements = sql.split(";\n");
        long inserts = Pattern.compile("INSERT INTO `yourls_url` VALUES\n").matcher(sql).results().count();
        assertThat(inserts).isEqualTo(3);
        for (String statement : statements) {
            assertThat(statement.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(YourlsSqlExporter.STATEMENT_BYTES);
        }
        assertThat(Pattern.compile("\\('k\\d+',").matcher(sql).results().count()).isEqualTo(600);
    }

    @Test
    void values_creationTimeBeforeTheTimestampRange_isTheZeroDate() {
        ExportFixture fixture = new ExportFixture();
        var link = fixture.put("z", "https://example.com/", "", "1970-01-01T00:00:00Z", 0);

        assertThat(YourlsSqlExporter.values(new dev.tern.migration.verify.TernRow(link, 0)))
                .isEqualTo("('z','https://example.com/','','0000-00-00 00:00:00','',0)");
    }

    @Test
    void options_badPrefixVersionOrNextId_areRefusedWithTheReason() {
        assertThatThrownBy(() -> YourlsSqlOptions.defaults().withTablePrefix("x`; DROP"))
                .hasMessageContaining("only letters, digits and '_'");
        assertThatThrownBy(() -> YourlsSqlOptions.defaults().withVersion("1.10'"))
                .hasMessageContaining("must look like 1.10.4");
        assertThatThrownBy(() -> YourlsSqlOptions.defaults().withNextId(0)).hasMessageContaining("1 or more");
    }
}
