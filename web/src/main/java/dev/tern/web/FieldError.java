package dev.tern.web;

import java.util.List;

/**
 * Why one form field was refused: a message key with its arguments, and, where the core explained
 * the problem more precisely than the key can, the core's English detail (added after the message on
 * English pages: "… Details: The URL is missing the "//" after "https:".").
 *
 * @param field  the field's name and element id: {@code url}, {@code code}, {@code title}, {@code expires}
 * @param key    the message key
 * @param args   the message's arguments
 * @param detail the core's English explanation, or {@code null}
 */
record FieldError(String field, String key, List<Object> args, String detail) {
    FieldError {
        args = List.copyOf(args);
    }

    static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, key, List.of(args), null);
    }

    /** The text shown next to the field. */
    String text(Messages messages, Language language) {
        String text = messages.get(language, key, args.toArray());
        if (detail != null && language == Language.EN) {
            String shown = detail.endsWith(".") ? detail : detail + ".";
            return text + " Details: " + Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
        }
        return text;
    }
}
