package dev.tern.functions;

import dev.tern.core.error.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /api/v1/links/{code}/stats}: {@code from} and {@code to}, UTC days as
 * {@code YYYY-MM-DD}, both included. {@code to} defaults to today, {@code from} to 29 days before
 * {@code to} (30 days in all). Other parameters are refused, so a typo is not silently ignored.
 */
record StatsQuery(LocalDate from, LocalDate to) {
    static final int DEFAULT_DAYS = 30;

    static StatsQuery parse(String rawQuery, Clock clock) {
        String from = null;
        String to = null;
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (name) {
                    case "from" -> from = value;
                    case "to" -> to = value;
                    default -> throw InvalidRequestException.of("Unknown query parameter \"" + Problems.shortened(name)
                            + "\"; statistics take only \"from\" and \"to\" (YYYY-MM-DD)");
                }
            }
        }
        LocalDate end = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : day("to", to);
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : day("from", from);
        return new StatsQuery(start, end);
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("The parameter \"" + name + "\" must be a day such as 2026-11-23, not \""
                    + Problems.shortened(value) + "\"");
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("The query string is not properly percent-encoded");
        }
    }
}
