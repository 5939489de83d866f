package dev.tern.functions;

import dev.tern.core.error.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A query string of known parameters, each at most once: anything else is a 400 naming it. */
final class QueryParams {
    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /** @throws InvalidRequestException for an unknown or repeated parameter, or bad percent-encoding */
    static QueryParams parse(String rawQuery, Set<String> allowed, String what) {
        Map<String, String> values = new HashMap<>();
        String query = rawQuery == null ? "" : rawQuery;
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!allowed.contains(name)) {
                throw InvalidRequestException.of("Unknown query parameter \"" + Problems.shortened(name) + "\"; " + what
                        + " takes " + String.join(", ", allowed.stream().sorted().map(n -> "\"" + n + "\"").toList()));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw InvalidRequestException.of("The parameter \"" + name + "\" is given more than once");
            }
        }
        return new QueryParams(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A whole number from {@code min} to {@code max}, or {@code otherwise} when absent. */
    long number(String name, long min, long max, long otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw InvalidRequestException.of("The parameter \"" + name + "\" must be a whole number from " + min + " to " + max);
    }

    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("The query string is not properly percent-encoded");
        }
    }
}
