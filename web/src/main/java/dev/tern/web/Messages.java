package dev.tern.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The site's texts, one UTF-8 {@code .properties} file per language under
 * {@code dev/tern/web/messages/}. Placeholders are {@code {0}}, {@code {1}}, … replaced literally (no
 * {@code MessageFormat} quoting rules to trip over in Portuguese apostrophes). A key missing in one
 * language falls back to English; a test keeps the files' keys equal.
 */
final class Messages {
    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    Messages() {
        for (Language language : Language.values()) {
            texts.put(language, load(language));
        }
    }

    /** The text of {@code key} in {@code language} with its placeholders filled in. */
    String get(Language language, String key, Object... args) {
        String text = texts.get(language).getProperty(key);
        if (text == null) {
            text = texts.get(Language.DEFAULT).getProperty(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** Whether {@code key} exists (in English, hence everywhere). */
    boolean has(String key) {
        return texts.get(Language.DEFAULT).containsKey(key);
    }

    /** The keys of one language's file. */
    Set<String> keys(Language language) {
        return texts.get(language).stringPropertyNames();
    }

    static String resource(Language language) {
        return "dev/tern/web/messages/messages_" + language.tag() + ".properties";
    }

    private static Properties load(Language language) {
        String name = resource(language);
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }
}
