package dev.tern.migration.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DumpYourlsSourceTest {

    private static final String URL_TABLE = """
            CREATE TABLE `yourls_url` (
              `keyword` varchar(100) NOT NULL DEFAULT '',
              `url` text NOT NULL,
              `title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci DEFAULT NULL,
              `timestamp` timestamp NOT NULL DEFAULT current_timestamp(),
              `ip` varchar(41) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
              `clicks` int(10) unsigned NOT NULL,
              PRIMARY KEY (`keyword`),
              KEY `url_idx` (`url`(30))
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
            """;

    @TempDir
    Path dir;

    private Path dump(String sql) throws IOException {
        Path file = dir.resolve("dump-" + System.nanoTime() + ".sql");
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return file;
    }

    private static List<UrlRow> urls(YourlsSource source) {
        try (Stream<UrlRow> rows = source.urls(Optional.empty())) {
            return rows.toList();
        }
    }

    private static UrlRow onlyUrl(Path file) {
        List<UrlRow> rows = urls(DumpYourlsSource.open(file));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    // ---------------------------------------------------------------- the reference dump

    @Test
    void referenceDump_readsExactlyTheRecordedDatabase() {
        ReferenceYourlsData.assertIsReferenceDatabase(DumpYourlsSource.open(ReferenceYourlsData.dumpFile()));
    }

    @Test
    void gzippedDump_readsTheSame() throws IOException {
        Path gzipped = dir.resolve("yourls-dump.sql.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipped))) {
            Files.copy(ReferenceYourlsData.dumpFile(), out);
        }

        ReferenceYourlsData.assertIsReferenceDatabase(DumpYourlsSource.open(gzipped));
    }

    @Test
    void truncatedGzip_failsClearly() throws IOException {
        Path gzipped = dir.resolve("cut.sql.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipped))) {
            Files.copy(ReferenceYourlsData.dumpFile(), out);
        }
        byte[] bytes = Files.readAllBytes(gzipped);
        Files.write(gzipped, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> urls(DumpYourlsSource.open(gzipped)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("Cannot read " + gzipped + " (line ")
                .hasMessageContaining("the compressed dump is truncated or corrupt");
    }

    @Test
    void referenceDump_schema_isAFreshInstall() {
        SourceSchema schema = DumpYourlsSource.open(ReferenceYourlsData.dumpFile()).schema();

        assertThat(schema.tablePrefix()).isEqualTo("yourls_");
        assertThat(schema.tables()).containsExactlyInAnyOrderEntriesOf(
                Map.of("url", "utf8mb4", "log", "utf8mb4", "options", "utf8mb4"));
        assertThat(schema.keywordLength()).isEqualTo(100);
        assertThat(schema.notes()).containsExactly("`yourls_url` index: KEY `url_idx`(`url`(30))");
    }

    @Test
    void urls_afterKeyword_yieldsExactlyTheRemainingRows() {
        DumpYourlsSource source = DumpYourlsSource.open(ReferenceYourlsData.dumpFile());
        List<UrlRow> all = urls(source);
        String resumeAfter = all.get(2000).keyword();

        List<UrlRow> rest;
        try (Stream<UrlRow> rows = source.urls(Optional.of(resumeAfter))) {
            rest = rows.toList();
        }

        assertThat(rest).isEqualTo(all.subList(2001, all.size()));
    }

    @Test
    void urls_afterLastKeyword_isEmpty() {
        DumpYourlsSource source = DumpYourlsSource.open(ReferenceYourlsData.dumpFile());
        List<UrlRow> all = urls(source);

        try (Stream<UrlRow> rows = source.urls(Optional.of(all.get(all.size() - 1).keyword()))) {
            assertThat(rows).isEmpty();
        }
    }

    @Test
    void urls_partlyReadAndClosed_releasesTheFile() {
        DumpYourlsSource source = DumpYourlsSource.open(ReferenceYourlsData.dumpFile());
        try (Stream<UrlRow> rows = source.urls(Optional.empty())) {
            assertThat(rows.limit(3)).hasSize(3);
        }
    }

    // ---------------------------------------------------------------- values

    @Test
    void urls_everyBackslashEscapeAndDoubledQuote_areDecoded() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES "
                + "('k','u','a\\'b\\\"c\\\\d\\ne\\rf\\tg\\0h\\Zi\\bj''k\\%l\\_m\\qn','2026-01-01 00:00:00','',0);\n");

        assertThat(onlyUrl(file).title()).isEqualTo("a'b\"c\\d\ne\rf\tg\0h\u001Ai\bj'k\\%l\\_mqn");
    }

    @Test
    void urls_nullTitle_isNull() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES ('k','u',NULL,'2026-01-01 00:00:00','',0);\n");

        assertThat(onlyUrl(file).title()).isNull();
    }

    @Test
    void urls_multiLineValuesAndRowsOnSeveralLines_areRead() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES\n('k','u','line one\nline two\r\n',\n"
                + "'2026-01-01 00:00:00' , '::1' ,  3 )\n,\n('l','v','','2026-01-01 00:00:00','',0);\n");

        List<UrlRow> rows = urls(DumpYourlsSource.open(file));
        assertThat(rows).containsExactly(
                new UrlRow("k", "u", "line one\nline two\r\n", "2026-01-01 00:00:00", "::1", 3),
                new UrlRow("l", "v", "", "2026-01-01 00:00:00", "", 0));
    }

    @Test
    void urls_fourByteCharacters_areKept() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES ('🚀','https://e.x/🎉?q=𝄞','👨‍👩‍👧‍👦 🇯🇵','2026-01-01 00:00:00','',0);\n");

        assertThat(onlyUrl(file)).isEqualTo(new UrlRow("🚀", "https://e.x/🎉?q=𝄞", "👨‍👩‍👧‍👦 🇯🇵", "2026-01-01 00:00:00", "", 0));
    }

    @Test
    void urls_hexLiteralsAndIntroducers_areDecodedAsUtf8() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES (0x6B77,_binary 'https://a.b',X'C3A9',"
                + "_utf8mb4'2026-01-01 00:00:00','',0x);\n".replace("0x);", "7);"));

        assertThat(onlyUrl(file)).isEqualTo(new UrlRow("kw", "https://a.b", "é", "2026-01-01 00:00:00", "", 7));
    }

    @Test
    void urls_columnListInAnotherOrder_isMappedByName() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` (`clicks`, `title`, `url`, `keyword`, `ip`, `timestamp`)"
                + " VALUES (5,'t','u','k','1.2.3.4','2026-01-01 00:00:00');\n");

        assertThat(onlyUrl(file)).isEqualTo(new UrlRow("k", "u", "t", "2026-01-01 00:00:00", "1.2.3.4", 5));
    }

    @Test
    void urls_insertIgnoreAndReplace_areRead() throws IOException {
        Path file = dump(URL_TABLE + "INSERT IGNORE INTO `yourls_url` VALUES ('a','u','t','2026-01-01 00:00:00','',1);\n"
                + "REPLACE INTO yourls_url VALUES ('b','u','t','2026-01-01 00:00:00','',2);\n");

        assertThat(urls(DumpYourlsSource.open(file))).extracting(UrlRow::keyword).containsExactly("a", "b");
    }

    @Test
    void urls_dataOnlyDumpWithoutCreateTable_usesYourlsColumnOrder() throws IOException {
        Path file = dump("INSERT INTO `yourls_url` VALUES ('k','u','t','2026-01-01 00:00:00','ip',4);\n");

        assertThat(onlyUrl(file)).isEqualTo(new UrlRow("k", "u", "t", "2026-01-01 00:00:00", "ip", 4));
    }

    @Test
    void oldSchemaDump_isReadByColumnName() throws IOException {
        Path file = dump("""
                /*M!999999\\- enable the sandbox mode */
                -- MySQL dump 10.13
                /*!40101 SET NAMES utf8 */;
                /*!40103 SET TIME_ZONE='+00:00' */;
                DROP TABLE IF EXISTS `old_url`;
                CREATE TABLE `old_url` (
                  `keyword` varchar(200) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL,
                  `url` text CHARACTER SET latin1 COLLATE latin1_bin NOT NULL,
                  `timestamp` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
                  `ip` varchar(41) NOT NULL,
                  `clicks` int(10) unsigned NOT NULL,
                  `title` text,
                  PRIMARY KEY (`keyword`),
                  KEY `url_idx` (`url`(50))
                ) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
                CREATE TABLE `old_log` (
                  `click_id` int(11) NOT NULL AUTO_INCREMENT,
                  `click_time` datetime NOT NULL,
                  `shorturl` varchar(200) NOT NULL,
                  `referrer` varchar(200) NOT NULL,
                  `user_agent` varchar(255) NOT NULL,
                  `ip_address` varchar(41) NOT NULL,
                  `country_code` char(2) NOT NULL,
                  PRIMARY KEY (`click_id`)
                ) ENGINE=MyISAM DEFAULT CHARSET=latin1;
                LOCK TABLES `old_url` WRITE;
                INSERT INTO `old_url` VALUES ('Abc','http://a.b/','2009-01-01 10:00:00','1.2.3.4',2,'Café'),('abc','http://c.d/','2009-01-02 10:00:00','',0,NULL);
                UNLOCK TABLES;
                INSERT INTO `old_log` VALUES (1,'2009-01-01 11:00:00','Abc','http://réf.example/','UA','1.1.1.1','FR');
                -- Dump completed on 2009-01-03
                """);

        DumpYourlsSource source = DumpYourlsSource.open(file, "old_");

        assertThat(urls(source)).containsExactly(
                new UrlRow("Abc", "http://a.b/", "Café", "2009-01-01 10:00:00", "1.2.3.4", 2),
                new UrlRow("abc", "http://c.d/", null, "2009-01-02 10:00:00", "", 0));
        try (Stream<LogRow> log = source.log()) {
            assertThat(log).containsExactly(
                    new LogRow(1, "2009-01-01 11:00:00", "Abc", "http://réf.example/", "UA", "1.1.1.1", "FR"));
        }
        SourceSchema schema = source.schema();
        assertThat(schema.keywordLength()).isEqualTo(200);
        assertThat(schema.tables()).containsExactlyInAnyOrderEntriesOf(Map.of("url", "utf8mb4", "log", "latin1"));
        assertThat(schema.notes()).contains(
                "`old_log` is declared latin1 (an install older than YOURLS 1.8 keeps it so); its text may hold mojibake from before",
                "`old_url`.keyword is varchar(200) (fresh installs: 100)",
                "`old_url` index: KEY `url_idx`(`url`(50))",
                "no `old_options` table in the dump");
        assertThat(source.options()).isEmpty();
    }

    @Test
    void preOnePointFourSchema_keywordColumnNamedId_isMapped() throws IOException {
        Path file = dump("""
                CREATE TABLE `yourls_url` (`id` varchar(200) NOT NULL, `url` text NOT NULL,
                  `timestamp` timestamp NOT NULL, `ip` varchar(41) NOT NULL, `clicks` int(10) unsigned NOT NULL,
                  PRIMARY KEY (`id`));
                INSERT INTO `yourls_url` VALUES ('1','http://a.b/','2008-05-01 00:00:00','',9);
                """);

        assertThat(onlyUrl(file)).isEqualTo(new UrlRow("1", "http://a.b/", null, "2008-05-01 00:00:00", "", 9));
    }

    @Test
    void optionsAndExpiryPluginTable_areRead() throws IOException {
        Path file = dump(URL_TABLE + """
                CREATE TABLE `yourls_options` (`option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
                  `option_name` varchar(64) NOT NULL DEFAULT '', `option_value` longtext NOT NULL,
                  PRIMARY KEY (`option_id`,`option_name`)) DEFAULT CHARSET=utf8mb4;
                INSERT INTO `yourls_options` VALUES (1,'version','1.9'),(2,'active_plugins','a:1:{i:0;s:17:\\"expiry/plugin.php\\";}');
                CREATE TABLE `yourls_expiry` (`keyword` varchar(200) NOT NULL, `type` varchar(5) NOT NULL,
                  `click` varchar(5), `timestamp` varchar(20), `shelflife` varchar(20), `postexpire` varchar(200));
                INSERT INTO `yourls_expiry` VALUES ('k','clock',NULL,'1700000000','86400','none');
                """);

        DumpYourlsSource source = DumpYourlsSource.open(file);

        assertThat(source.options()).containsExactly(
                Map.entry("version", "1.9"), Map.entry("active_plugins", "a:1:{i:0;s:17:\"expiry/plugin.php\";}"));
        assertThat(source.expiries()).containsExactly(new ExpiryRow("k", "clock", null, "1700000000", "86400", "none"));
        assertThat(source.schema().tables()).containsKeys("url", "options", "expiry");
    }

    @Test
    void otherTablesAndStatements_areSkipped() throws IOException {
        Path file = dump("""
                CREATE DATABASE /*!32312 IF NOT EXISTS*/ `yourls`;
                USE `yourls`;
                CREATE TABLE `wp_posts` (`id` int, `body` text);
                INSERT INTO `wp_posts` VALUES (1,'a ; b \\' ); c'),(2,NULL);
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; END */;;
                DELIMITER ;
                # a hash comment
                """ + URL_TABLE + "INSERT INTO `yourls_url` VALUES ('k','u','t','2026-01-01 00:00:00','',0);\n");

        assertThat(onlyUrl(file).keyword()).isEqualTo("k");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unterminatedString_failsWithTheLineItStarts() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES ('k','u','t,'2026-01-01 00:00:00','',0);\n");

        assertThatThrownBy(() -> urls(DumpYourlsSource.open(file)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(file + " line 11:")
                .hasMessageContaining("`yourls_url`");
    }

    @Test
    void truncatedFile_failsNamingTheTable() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES ('k','u','t','2026-01-01 00:00:00','',0),\n('l','u'");

        assertThatThrownBy(() -> urls(DumpYourlsSource.open(file)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(file + " line 12:")
                .hasMessageContaining("the file ends in the middle of an INSERT into `yourls_url`: the dump is truncated");
    }

    @Test
    void truncatedInsideString_failsAsTruncated() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES ('k','u','title cut off");

        assertThatThrownBy(() -> urls(DumpYourlsSource.open(file)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("line 11: the file ends inside a string value of `yourls_url`");
    }

    @Test
    void invalidUtf8_failsWithLineAndTable() throws IOException {
        Path file = dir.resolve("latin1.sql");
        byte[] head = (URL_TABLE + "INSERT INTO `yourls_url` VALUES\n('k','u','caf").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "','2026-01-01 00:00:00','',0);\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9; // é in Latin-1
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(file, all);

        assertThatThrownBy(() -> urls(DumpYourlsSource.open(file)))
                .isInstanceOf(SourceException.class)
                .hasMessage(file + " line 12: not valid UTF-8 (bytes E9) in the data of `yourls_url`."
                        + " Tern reads dumps as UTF-8: dump with mysqldump --default-character-set=utf8mb4");
    }

    @Test
    void wrongValueCount_failsWithLine() throws IOException {
        Path file = dump(URL_TABLE + "INSERT INTO `yourls_url` VALUES ('k','u','2026-01-01 00:00:00','',0);\n");

        assertThatThrownBy(() -> urls(DumpYourlsSource.open(file)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("line 11: a row of `yourls_url` has 5 values but the table has 6 columns");
    }

    @Test
    void wrongPrefix_failsSuggestingTheOneInTheDump() {
        DumpYourlsSource source = DumpYourlsSource.open(ReferenceYourlsData.dumpFile(), "short_");

        assertThatThrownBy(source::schema)
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("No table `short_url` in the dump file")
                .hasMessageContaining("(table prefix 'short_')")
                .hasMessageContaining("Tables in the dump: yourls_log, yourls_options, yourls_url.")
                .hasMessageEndingWith("Is the table prefix 'yourls_'?");
        assertThatThrownBy(() -> urls(source)).hasMessageContaining("No table `short_url`");
    }

    @Test
    void notADump_failsClearly() throws IOException {
        Path file = dump("keyword,url\nabc,https://a.b\n");

        assertThatThrownBy(() -> urls(DumpYourlsSource.open(file)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("line 1: expected an SQL statement");
    }

    @Test
    void missingFile_failsClearly() {
        assertThatThrownBy(() -> DumpYourlsSource.open(dir.resolve("nope.sql")))
                .isInstanceOf(SourceException.class)
                .hasMessage("No such dump file: " + dir.resolve("nope.sql"));
    }
}
