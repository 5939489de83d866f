package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tern.core.error.TernException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever it is given, {@link LongUrl#parse} either refuses with a domain error or returns a URL
 * whose {@code Location} form is a valid ASCII URI: never another exception, never a header that
 * could be split or rejected.
 */
class LongUrlPropertyTest {
    private static final UrlPolicy POLICY = UrlPolicy.defaults(Set.of("own.example"));
    /** Inputs per seed; raise it for a deeper search: {@code -Dtern.property.inputs=1000000}. */
    private static final int INPUTS = Integer.getInteger("tern.property.inputs", 20_000);

    private static final List<String> SCHEMES = List.of("http://", "https://", "HTTP://", "ftp://", "mailto:", "tel:",
            "javascript:", "data:", "file://", "magnet:?", "ssh://", "foo:", "", "", "", " ", "//", "http:", "http:///");
    private static final List<String> HOSTS = List.of("example.com", "EXAMPLE.com", "bücher.example", "xn--bcher-kva.example",
            "192.0.2.1", "[2001:db8::1]", "[::1", "localhost", "own.example", "sub.example.co.uk", "a", "", "exa mple.com",
            "例え.テスト", "straße.de", "ｅｘａｍｐｌｅ.com", "999.1.1.1", "user@example.com", "u:p@example.com", "-bad-.com",
            "xn--", "xn--zz.example", "example.com.", "a..b", "[::ffff:192.0.2.1]", "[fe80::1%25eth0]", "%41.example");
    private static final List<String> PORTS = List.of("", "", "", ":80", ":0", ":65535", ":65536", ":", ":abc", ":99999999999");
    private static final String PATH_CHARS = "abcXYZ019/?#&=%+-_.~!$'()*,;:@[]{}|\\^`\"<> \t\n\r\u0000\u007F\u0085\u00A0"
            + "éß€𝄞😀\u200B\u200D\u202E\u2028\uFEFF\uFFFF\uD800\uDC00";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void parse_randomCodePoints_refusesCleanlyOrGivesAValidLocation(long seed) {
        Random random = new Random(seed);
        check(random, r -> randomCodePoints(r, r.nextInt(40)));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void parse_generatedUrlLikeInput_refusesCleanlyOrGivesAValidLocation(long seed) {
        Random random = new Random(seed);
        check(random, LongUrlPropertyTest::urlLike);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void parse_mutatedValidUrl_refusesCleanlyOrGivesAValidLocation(long seed) {
        Random random = new Random(seed);
        check(random, r -> mutate(r, "https://user@bücher.example:8443/päth/a%20b?q=ü&x=[1]#frag"));
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32})
    void fromStored_anything_givesAPrintableAsciiLocation(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < INPUTS; i++) {
            String stored = random.nextBoolean() ? urlLike(random) : randomCodePoints(random, random.nextInt(40));
            String location;
            try {
                location = LongUrl.fromStored(stored).location();
            } catch (RuntimeException | StackOverflowError e) {
                fail("fromStored(\"" + escape(stored) + "\") threw " + e, e);
                return;
            }
            assertThat(location.chars()).as("location of stored %s", escape(stored))
                    .allMatch(c -> c > 0x20 && c < 0x7F);
        }
    }

    private static void check(Random random, Function<Random, String> inputs) {
        int accepted = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = inputs.apply(random);
            LongUrl url;
            try {
                url = LongUrl.parse(input, POLICY);
            } catch (TernException refused) {
                assertThat(refused.detail()).as("detail for %s", escape(input)).isNotBlank();
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                fail("parse(\"" + escape(input) + "\") threw " + e, e);
                return;
            }
            accepted++;
            assertValid(input, url);
        }
        assertThat(accepted).as("some inputs must be accepted, or the generator tests nothing").isPositive();
    }

    private static void assertValid(String input, LongUrl url) {
        String location = url.location();
        String shown = escape(input);
        assertThat(location).as("location of %s", shown).isNotEmpty();
        assertThat(location.chars()).as("location of %s is printable ASCII without spaces", shown)
                .allMatch(c -> c > 0x20 && c < 0x7F);
        assertThat(location.length()).as("length of %s", shown).isLessThanOrEqualTo(POLICY.maxLength());
        try {
            URI uri = new URI(location);
            assertThat(uri.getScheme()).as("scheme of %s", shown).isEqualTo(url.scheme());
        } catch (URISyntaxException e) {
            fail("location of \"" + shown + "\" is not a URI: " + e.getMessage());
        }
        assertThat(POLICY.allowsScheme(url.scheme())).as("scheme of %s", shown).isTrue();
        assertThat(url.value().chars()).as("value of %s has no control characters", shown)
                .noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
        LongUrl again = LongUrl.fromStored(url.value());
        assertThat(again.location()).as("stored form of %s", shown).isEqualTo(location);
    }

    private static String urlLike(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(pick(r, SCHEMES)).append(pick(r, HOSTS)).append(pick(r, PORTS));
        int pathLength = r.nextInt(25);
        for (int i = 0; i < pathLength; i++) {
            b.appendCodePoint(PATH_CHARS.codePointAt(PATH_CHARS.offsetByCodePoints(0, r.nextInt(PATH_CHARS.codePointCount(0, PATH_CHARS.length())))));
        }
        return r.nextInt(10) == 0 ? mutate(r, b.toString()) : b.toString();
    }

    private static String mutate(Random r, String base) {
        StringBuilder b = new StringBuilder(base);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, randomCodePoints(r, 1));
                default -> b.setCharAt(at, (char) r.nextInt(0x10000));
            }
        }
        return b.toString();
    }

    /** Code points from every corner: ASCII, controls, Latin, CJK, astral, lone surrogates. */
    private static String randomCodePoints(Random r, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            switch (r.nextInt(6)) {
                case 0, 1 -> b.append((char) (0x20 + r.nextInt(0x5F)));
                case 2 -> b.append((char) r.nextInt(0xA0));
                case 3 -> b.append((char) r.nextInt(0x10000));
                case 4 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000));
                default -> b.append(PATH_CHARS.charAt(r.nextInt(PATH_CHARS.length())));
            }
        }
        return b.toString();
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> {
            if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.append((char) c);
            }
        });
        return b.toString();
    }
}
