package dev.tern.migration.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YourlsConfigReaderTest {

    private static final Path TESTDATA = Path.of(System.getProperty("tern.testdata.dir", "../testdata"));

    private static YourlsConfig parse(String php) {
        return YourlsConfigReader.parse(php, "config.php");
    }

    @Test
    void read_referenceConfig_hasEverySetting() {
        YourlsConfig config = YourlsConfigReader.read(TESTDATA.resolve("yourls/config-reference.php"));

        assertThat(config.site()).contains("http://127.0.0.1:8080");
        assertThat(config.dbPrefix()).isEqualTo("yourls_");
        assertThat(config.tableOverrides()).isEmpty();
        assertThat(config.tableName("url")).isEqualTo("yourls_url");
        assertThat(config.uniqueUrls()).isFalse();
        assertThat(config.privateSite()).isTrue();
        assertThat(config.cookieKey()).contains("fdwOcmP6WNlPsUAosP7UVeacENgg3ddOf0lc3WXbtGcsGxcM");
        assertThat(config.urlConvert()).isEqualTo(36);
        assertThat(config.lang()).isEmpty();
        assertThat(config.users()).containsExactly(
                Map.entry("admin", "phpass:!2y!10!Omu8Wcw2XI3FFumoRLViWu19CRThsoseu5Sk2mai56ZNUbcfxoMxm"));
        assertThat(config.reservedKeywords()).containsExactly("porn", "faggot", "sex", "nigger", "fuck", "cunt", "dick");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void parse_arrayFormAndCommentsEverywhere_readsUsersInOrder() {
        YourlsConfig config = parse("""
                <?php
                # hash comment
                /* block
                   comment */
                $yourls_user_passwords = array( // the users
                    'zoe' /* first */ => 'md5:1234:abcd', # trailing
                    "bob" => 'plain-password',
                    'al\\'ice' => 'phpass:!2y!10!xyz'   // no trailing comma
                );
                $yourls_reserved_URL = array( 'admin', /* 'skip', */ 'api' );
                """);

        assertThat(config.users()).containsExactly(
                Map.entry("zoe", "md5:1234:abcd"),
                Map.entry("bob", "plain-password"),
                Map.entry("al'ice", "phpass:!2y!10!xyz"));
        assertThat(config.reservedKeywords()).containsExactly("admin", "api");
    }

    @Test
    void parse_doubleQuotedEscapes_areDecodedLikePhp() {
        YourlsConfig config = parse("""
                <?php
                define("YOURLS_SITE", "https://sho.rt/\\x41\\u{1F600}\\101\\\\\\"\\$x\\q");
                define('YOURLS_COOKIEKEY', 'a\\'b\\\\c\\nd');
                """);

        assertThat(config.site()).contains("https://sho.rt/A\uD83D\uDE00A\\\"$x\\q");
        assertThat(config.cookieKey()).contains("a'b\\c\\nd");
    }

    @Test
    void parse_missingOptionalSettings_takesYourlsDefaults() {
        YourlsConfig config = parse("<?php\ndefine('YOURLS_SITE', 'https://sho.rt');\n");

        assertThat(config.dbPrefix()).isEqualTo("yourls_");
        assertThat(config.uniqueUrls()).isTrue();
        assertThat(config.privateSite()).isTrue();
        assertThat(config.cookieKey()).isEmpty();
        assertThat(config.urlConvert()).isEqualTo(36);
        assertThat(config.users()).isEmpty();
        assertThat(config.reservedKeywords()).isEmpty();
        assertThat(config.warnings()).anyMatch(w -> w.contains("$yourls_user_passwords is not set"));
    }

    @Test
    void parse_tableOverridesAndConcatenation_areResolved() {
        YourlsConfig config = parse("""
                <?php
                define('YOURLS_DB_PREFIX', 'short_');
                define('YOURLS_DB_TABLE_URL', YOURLS_DB_PREFIX . 'links');
                define( 'YOURLS_URL_CONVERT', 62 );
                define( 'YOURLS_UNIQUE_URLS', 0 );
                define( 'YOURLS_PRIVATE', FALSE );
                """);

        assertThat(config.dbPrefix()).isEqualTo("short_");
        assertThat(config.tableOverrides()).containsExactly(Map.entry("url", "short_links"));
        assertThat(config.tableName("url")).isEqualTo("short_links");
        assertThat(config.tableName("log")).isEqualTo("short_log");
        assertThat(config.urlConvert()).isEqualTo(62);
        assertThat(config.uniqueUrls()).isFalse();
        assertThat(config.privateSite()).isFalse();
    }

    @Test
    void parse_runtimeValuesAndOtherCode_areSkippedWithWarnings() {
        YourlsConfig config = parse("""
                <?php
                define('YOURLS_DB_PASS', getenv('DB_PASS'));
                if (!defined('X')) { define('X', 1); }
                require_once __DIR__ . '/extra.php';
                define('YOURLS_SITE', 'https://' . $_SERVER['HTTP_HOST']);
                define('YOURLS_LANG', 'fr_FR');
                """);

        assertThat(config.site()).isEqualTo(Optional.empty());
        assertThat(config.lang()).isEqualTo("fr_FR");
        assertThat(config.warnings()).anyMatch(w -> w.startsWith("line 2:") && w.contains("YOURLS_DB_PASS"))
                .anyMatch(w -> w.startsWith("line 3:"))
                .anyMatch(w -> w.startsWith("line 4:"))
                .anyMatch(w -> w.startsWith("line 5:") && w.contains("YOURLS_SITE"));
    }

    @Test
    void parse_closingTagAndTextAround_areHandled() {
        YourlsConfig config = parse("before\n<?php define('YOURLS_SITE', 'https://a.b') ?>\nhtml\n<?php define('YOURLS_LANG', 'de');");

        assertThat(config.site()).contains("https://a.b");
        assertThat(config.lang()).isEqualTo("de");
    }

    @Test
    void parse_unterminatedString_failsWithLine() {
        assertThatThrownBy(() -> parse("<?php\n\ndefine('YOURLS_SITE', 'https://sho.rt);\n"))
                .isInstanceOf(YourlsConfigException.class)
                .hasMessage("config.php line 3: the string opened here is never closed (missing ')");
    }

    @Test
    void parse_unclosedUserArray_failsWithLine() {
        assertThatThrownBy(() -> parse("<?php\n$yourls_user_passwords = [\n 'a' => 'b',\n"))
                .isInstanceOf(YourlsConfigException.class)
                .hasMessageContaining("config.php line 2:")
                .hasMessageContaining("never closed");
    }

    @Test
    void parse_userPasswordFromFunction_failsWithLine() {
        assertThatThrownBy(() -> parse("<?php\n$yourls_user_passwords = [\n 'a' => getenv('P'),\n];"))
                .isInstanceOf(YourlsConfigException.class)
                .hasMessageContaining("config.php line 3:")
                .hasMessageContaining("$yourls_user_passwords");
    }

    @Test
    void parse_interpolatedHash_isNotTakenLiterally() {
        assertThatThrownBy(() -> parse("<?php\n$yourls_user_passwords = [ 'a' => \"$2y$10$abc\" ];"))
                .isInstanceOf(YourlsConfigException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void parse_notPhp_failsClearly() {
        assertThatThrownBy(() -> parse("[database]\nhost = localhost\n"))
                .isInstanceOf(YourlsConfigException.class)
                .hasMessage("config.php is not a PHP file: it has no <?php tag. Give the path of YOURLS's user/config.php.");
    }

    @Test
    void read_missingFile_failsClearly(@TempDir Path dir) {
        assertThatThrownBy(() -> YourlsConfigReader.read(dir.resolve("config.php")))
                .isInstanceOf(YourlsConfigException.class)
                .hasMessageStartingWith("No such file: ");
    }

    @Test
    void read_binaryFile_failsAsNotPhp(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.php");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});

        assertThatThrownBy(() -> YourlsConfigReader.read(file))
                .isInstanceOf(YourlsConfigException.class)
                .hasMessageContaining("is not a PHP file");
    }

    @Test
    void read_unicodeReservedWords_areKept(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.php");
        Files.writeString(file, "<?php $yourls_reserved_URL = ['café', '🚀'];", StandardCharsets.UTF_8);

        assertThat(YourlsConfigReader.read(file).reservedKeywords()).isEqualTo(List.of("café", "🚀"));
    }
}
