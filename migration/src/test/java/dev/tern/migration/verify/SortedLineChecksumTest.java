package dev.tern.migration.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.migration.source.RowChecksum;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedLineChecksumTest {

    @Test
    void finish_prefixKeywords_sortLikeTheirLines() {
        // "a|…" sorts after "a0|…" ('0' < '|') but before "a~|…" ('~' > '|').
        assertSameAsReference(List.of("a", "a0", "a00", "a0~", "a1", "ab", "a~", "a~b", "b"));
    }

    @Test
    void finish_randomKeywordsWithPrefixesAndUnicode_equalsSortingEveryLine() {
        Random random = new Random(7);
        String alphabet = "0a_-Z~|é中😀\uFFFD";
        for (int round = 0; round < 50; round++) {
            TreeSet<String> keywords = new TreeSet<>(SortedLineChecksum.BYTE_ORDER);
            while (keywords.size() < 200) {
                StringBuilder keyword = new StringBuilder();
                int length = 1 + random.nextInt(4);
                for (int i = 0; i < length; i++) {
                    keyword.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                }
                keywords.add(keyword.toString());
            }
            assertSameAsReference(new ArrayList<>(keywords));
        }
    }

    @Test
    void add_keywordNotAfterThePrevious_givesNoChecksumAndSaysWhy() {
        SortedLineChecksum checksum = new SortedLineChecksum();
        checksum.add("b", "b|x||2026-11-23 05:00:00|0");
        checksum.add("a", "a|x||2026-11-23 05:00:00|0");

        assertThat(checksum.finish()).isEmpty();
        assertThat(checksum.problem()).hasValueSatisfying(p -> assertThat(p).contains("\"a\" after \"b\""));
    }

    @Test
    void finish_sameLinesAsRowChecksum_sameChecksum() {
        List<String> lines = List.of("b|u||2026-11-23 05:00:00|0", "a|u|t|2026-11-23 05:00:00|3");
        SortedLineChecksum checksum = new SortedLineChecksum();
        checksum.add("a", lines.get(1));
        checksum.add("b", lines.get(0));

        assertThat(checksum.finish()).hasValue(RowChecksum.of(lines.stream()));
    }

    private static void assertSameAsReference(List<String> keywordsInOrder) {
        SortedLineChecksum checksum = new SortedLineChecksum();
        List<String> lines = new ArrayList<>();
        for (String keyword : keywordsInOrder) {
            String line = RowChecksum.urlLine(keyword, "https://example.com/" + keyword, null, "2026-11-23 05:00:00", 1);
            lines.add(line);
            checksum.add(keyword, line);
        }
        String text = ReferenceChecksum.sortedText(lines);
        assertThat(checksum.finish()).hasValue(new RowChecksum(lines.size(), ReferenceChecksum.md5(text), ReferenceChecksum.sha256(text)));
    }
}
