package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeGeneratorTest {

    @Test
    void randomness_isCreatedOnFirstUse_notWhenTheGeneratorIsBuilt() {
        AtomicInteger created = new AtomicInteger();
        Supplier<SecureRandom> factory = () -> {
            created.incrementAndGet();
            return new SecureRandom();
        };

        CodeGenerator generator = new CodeGenerator(CodeAlphabet.BASE62, 7, factory);
        assertThat(created).hasValue(0);

        generator.next();
        generator.next();
        assertThat(created).hasValue(1);
    }

    @Test
    void reseed_makesTheNextCodeUseANewGenerator() {
        List<SecureRandom> created = new ArrayList<>();
        CodeGenerator generator = new CodeGenerator(CodeAlphabet.BASE62, 7, () -> {
            SecureRandom random = new SecureRandom();
            created.add(random);
            return random;
        });
        generator.next();

        generator.reseed();
        assertThat(created).hasSize(1);
        generator.next();

        assertThat(created).hasSize(2);
        assertThat(created.get(1)).isNotSameAs(created.get(0));
    }

    @Test
    void noCoreClass_keepsRandomnessInAStaticField() throws IOException, URISyntaxException {
        Path classes = Path.of(CodeGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && Random.class.isAssignableFrom(field.getType())) {
                        offenders.add(name + "." + field.getName());
                    }
                }
            }
        }
        assertThat(offenders).as("static Random fields would be captured in a SnapStart snapshot").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CodeAlphabet.class)
    void next_usesOnlyTheAlphabet_atTheConfiguredLength(CodeAlphabet alphabet) {
        CodeGenerator generator = new CodeGenerator(alphabet, 9);
        for (int i = 0; i < 2_000; i++) {
            String code = generator.next().value();
            assertThat(code).hasSize(9);
            assertThat(code.chars()).allMatch(c -> alphabet.symbols().indexOf(c) >= 0);
        }
    }

    @Test
    void base36_isLowerCaseDigitsAndLetters() {
        assertThat(CodeAlphabet.BASE36_LOWER.symbols()).hasSize(36).matches("[0-9a-z]+");
        assertThat(CodeAlphabet.BASE62.symbols()).hasSize(62).matches("[0-9A-Za-z]+");
    }

    @Test
    void hundredThousandBase62Codes_areDistinct_andUseEverySymbol() {
        CodeGenerator generator = new CodeGenerator(CodeAlphabet.BASE62, 7);
        Set<String> codes = new HashSet<>();
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String code = generator.next().value();
            codes.add(code);
            for (char c : code.toCharArray()) {
                symbols.add(c);
            }
        }
        assertThat(codes).hasSize(100_000);
        assertThat(symbols).hasSize(62);
    }

    @Test
    void base36Codes_useEverySymbol_andNoUpperCase() {
        CodeGenerator generator = new CodeGenerator(CodeAlphabet.BASE36_LOWER, 7);
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            for (char c : generator.next().value().toCharArray()) {
                symbols.add(c);
            }
        }
        assertThat(symbols).hasSize(36).allMatch(c -> !Character.isUpperCase(c));
    }

    @Test
    void symbolFrequencies_areRoughlyUniform() {
        CodeGenerator generator = new CodeGenerator(CodeAlphabet.BASE62, 7);
        int[] counts = new int[128];
        int draws = 62 * 2_000;
        for (int i = 0; i < draws / 7 + 1; i++) {
            for (char c : generator.next().value().toCharArray()) {
                counts[c]++;
            }
        }
        // Expected ~2,000 per symbol; a biased draw (e.g. modulo of a byte) would put some far outside.
        for (char c : CodeAlphabet.BASE62.symbols().toCharArray()) {
            assertThat(counts[c]).as("count of '%s'", c).isBetween(1_600, 2_400);
        }
    }

    @Test
    void next_withScriptedRandomness_givesExactlyThatCode() {
        CodeGenerator generator = new CodeGenerator(CodeAlphabet.BASE62, 7, ScriptedRandom.yielding(CodeAlphabet.BASE62, "Abc1234", "zzzzzzz"));
        assertThat(generator.next()).isEqualTo(new ShortCode("Abc1234"));
        assertThat(generator.next()).isEqualTo(new ShortCode("zzzzzzz"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 32})
    void length_withinBounds_isAccepted(int length) {
        CodeGenerator generator = new CodeGenerator(CodeAlphabet.BASE62, length);
        assertThat(generator.length()).isEqualTo(length);
        assertThat(generator.alphabet()).isEqualTo(CodeAlphabet.BASE62);
        assertThat(generator.next().value()).hasSize(length);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 33, 101})
    void length_outsideBounds_isRefused(int length) {
        assertThatThrownBy(() -> new CodeGenerator(CodeAlphabet.BASE62, length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 4 and 32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base62", "BASE62", " base62 "})
    void alphabetSetting_base62(String value) {
        assertThat(CodeAlphabet.fromSetting(value)).isEqualTo(CodeAlphabet.BASE62);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base36", "Base36", "base36-lower", "base36_lower"})
    void alphabetSetting_base36(String value) {
        assertThat(CodeAlphabet.fromSetting(value)).isEqualTo(CodeAlphabet.BASE36_LOWER);
    }

    @Test
    void alphabetSetting_unknown_isRefused() {
        assertThatThrownBy(() -> CodeAlphabet.fromSetting("base64")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
    }
}
