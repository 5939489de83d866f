package dev.tern.migration.source;

import java.util.List;
import java.util.Map;

/**
 * The shape of a YOURLS database as found, for the report and for choosing how to decode it.
 *
 * @param tablePrefix     the prefix in use, e.g. {@code yourls_}
 * @param tables          the YOURLS tables found (without prefix: {@code url}, {@code log},
 *                        {@code options}, plus plugin tables such as {@code expiry}) → their
 *                        default character set as declared ({@code utf8mb4}, {@code latin1}, …;
 *                        empty when undeclared)
 * @param keywordLength   the declared width of {@code url.keyword}, e.g. 100 (200 on old installs)
 * @param notes           anything unusual worth telling the operator (old schema, missing table, …)
 */
public record SourceSchema(String tablePrefix, Map<String, String> tables, int keywordLength, List<String> notes) {
    public SourceSchema {
        tables = Map.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
