package dev.tern.migration.export;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The YOURLS site an SQL export is for.
 *
 * @param tablePrefix   the tables' prefix ({@code YOURLS_DB_PREFIX}), e.g. {@code yourls_}: letters,
 *                      digits and {@code _}, at most 50 characters
 * @param yourlsVersion the {@code version} option: the YOURLS release that will load the dump (a newer
 *                      release upgrades the tables itself, as after any update)
 * @param nextId        the {@code next_id} option, the counter of YOURLS's keyword generator. Carry the
 *                      old site's value when it is known (the migration keeps it). Any value of 1 or
 *                      more is <em>safe</em>: before using a generated keyword YOURLS checks that it is
 *                      free and moves on to the next id if it is not ({@code yourls_add_new_link}), so
 *                      a low counter costs one lookup per taken keyword, once, and never a clash. That
 *                      is why {@link #SAFE_NEXT_ID} is 1 and not "one more than the largest keyword
 *                      read in base 36": custom keywords such as {@code zzzzzz} would make that
 *                      counter jump and waste every short keyword below it.
 */
public record YourlsSqlOptions(String tablePrefix, String yourlsVersion, long nextId) {
    /** A counter value that is always safe (see {@link #nextId()}). */
    public static final long SAFE_NEXT_ID = 1;
    public static final String DEFAULT_PREFIX = "yourls_";
    /** The YOURLS release the reference schema comes from ({@code testdata/yourls/SCHEMA.md}). */
    public static final String DEFAULT_VERSION = "1.10.4";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,50}");
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+){0,3}(-[A-Za-z0-9.]+)?");

    public YourlsSqlOptions {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(yourlsVersion, "yourlsVersion");
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("the table prefix may hold only letters, digits and '_' (at most 50), got \""
                    + tablePrefix + "\"");
        }
        if (!VERSION.matcher(yourlsVersion).matches()) {
            throw new IllegalArgumentException("the YOURLS version must look like 1.10.4, got \"" + yourlsVersion + "\"");
        }
        if (nextId < 1) {
            throw new IllegalArgumentException("next_id must be 1 or more, got " + nextId);
        }
    }

    /** Prefix {@code yourls_}, version {@value #DEFAULT_VERSION}, the always-safe {@code next_id} 1. */
    public static YourlsSqlOptions defaults() {
        return new YourlsSqlOptions(DEFAULT_PREFIX, DEFAULT_VERSION, SAFE_NEXT_ID);
    }

    public YourlsSqlOptions withTablePrefix(String prefix) {
        return new YourlsSqlOptions(prefix, yourlsVersion, nextId);
    }

    public YourlsSqlOptions withVersion(String version) {
        return new YourlsSqlOptions(tablePrefix, version, nextId);
    }

    public YourlsSqlOptions withNextId(long id) {
        return new YourlsSqlOptions(tablePrefix, yourlsVersion, id);
    }
}
