package dev.tern.functions.yourls;

import java.util.Objects;

/**
 * One value in a YOURLS API reply. YOURLS builds its replies as PHP arrays and the formats render
 * PHP types differently ({@code "200"} and {@code 200} are different JSON), so the type of every value
 * is part of the contract: a string, an integer, a nested object, or one of PHP's {@code null} and
 * {@code false} (which YOURLS gives for a link stored without a title).
 */
public sealed interface YourlsValue permits YourlsValue.Text, YourlsValue.Number, YourlsValue.Literal, YourlsFields {

    /** A PHP string: a JSON string, an XML text node. */
    record Text(String value) implements YourlsValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A PHP integer: a JSON number ({@code clicks}, the totals). */
    record Number(long value) implements YourlsValue {
    }

    /** PHP's {@code null} and {@code false}: JSON {@code null}/{@code false}, an empty XML element. */
    enum Literal implements YourlsValue {
        NULL("null"),
        FALSE("false");

        private final String json;

        Literal(String json) {
            this.json = json;
        }

        String json() {
            return json;
        }
    }

    static YourlsValue text(String value) {
        return new Text(value);
    }

    /** {@code value}, or PHP's {@code null} when there is none (a title column that is {@code NULL}). */
    static YourlsValue textOrNull(String value) {
        return value == null ? Literal.NULL : new Text(value);
    }

    static YourlsValue number(long value) {
        return new Number(value);
    }
}
