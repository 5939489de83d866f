package dev.tern.functions.yourls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered set of named values: the body of a reply or one of its nested objects ({@code url},
 * {@code link}, {@code links}, {@code stats} …). Order is part of the contract: YOURLS's clients
 * (and byte-for-byte tests) see fields in the order PHP inserted them. Immutable; built with
 * {@link #builder()}.
 */
public final class YourlsFields implements YourlsValue {
    private final Map<String, YourlsValue> values;

    private YourlsFields(Map<String, YourlsValue> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fields in order. */
    public Map<String, YourlsValue> asMap() {
        return values;
    }

    public Optional<YourlsValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * These fields with {@code name} set to {@code value}: replaced in place when present (as a PHP
     * array assignment keeps the key's position), appended otherwise.
     */
    public YourlsFields with(String name, YourlsValue value) {
        Map<String, YourlsValue> copy = new LinkedHashMap<>(values);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new YourlsFields(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof YourlsFields that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Adds fields in the order they should appear. */
    public static final class Builder {
        private final Map<String, YourlsValue> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder text(String name, String value) {
            return put(name, YourlsValue.text(value));
        }

        public Builder number(String name, long value) {
            return put(name, YourlsValue.number(value));
        }

        public Builder nested(String name, YourlsFields value) {
            return put(name, value);
        }

        public Builder put(String name, YourlsValue value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (values.containsKey(name)) {
                throw new IllegalArgumentException("field " + name + " is already set");
            }
            values.put(name, value);
            return this;
        }

        public YourlsFields build() {
            return new YourlsFields(values);
        }
    }
}
