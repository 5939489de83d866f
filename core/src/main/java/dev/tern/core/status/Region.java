package dev.tern.core.status;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A deployment region, named as AWS names it ({@code eu-west-1}); the local platform uses
 * {@code local}. Both the region a probe runs in and the region it checks are regions.
 */
public record Region(String code) implements Comparable<Region> {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public Region {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Invalid region \"" + code
                    + "\": expected lower-case letters, digits and '-', like eu-west-1");
        }
    }

    /** The region named {@code code}, e.g. {@code Region.of("us-east-1")}. */
    public static Region of(String code) {
        return new Region(code);
    }

    @Override
    public int compareTo(Region other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
