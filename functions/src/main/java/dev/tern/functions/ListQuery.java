package dev.tern.functions;

import dev.tern.core.apikey.ApiKeyValue;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.Creator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The query of {@code GET /api/v1/links}: {@code limit} (1-100, default {@value #DEFAULT_LIMIT}),
 * {@code cursor} (the {@code next} of the previous page), {@code creator} (an API key id: only the
 * links created with that key). Other parameters are refused.
 */
record ListQuery(int limit, Optional<String> cursor, Optional<Creator> creator) {
    static final int DEFAULT_LIMIT = 50;

    static ListQuery parse(String rawQuery) {
        int limit = DEFAULT_LIMIT;
        Optional<String> cursor = Optional.empty();
        Optional<Creator> creator = Optional.empty();
        for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (name) {
                case "limit" -> {
                    try {
                        limit = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw InvalidRequestException.of("The parameter \"limit\" must be a whole number from 1 to 100");
                    }
                }
                case "cursor" -> cursor = Optional.of(value);
                case "creator" -> {
                    if (!ApiKeyValue.isValidId(value)) {
                        throw InvalidRequestException.of("The parameter \"creator\" must be an API key id (12 letters and digits)");
                    }
                    creator = Optional.of(Creator.apiKey(value));
                }
                default -> throw InvalidRequestException.of("Unknown query parameter \"" + Problems.shortened(name)
                        + "\"; a listing takes \"limit\", \"cursor\" and \"creator\"");
            }
        }
        return new ListQuery(limit, cursor, creator);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("The query string is not properly percent-encoded");
        }
    }
}
