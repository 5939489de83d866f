package dev.tern.functions.yourls;

import java.util.Objects;
import java.util.Optional;

/**
 * One answer of {@code yourls-api.php}, before it is put in a format: the ordered fields YOURLS
 * would put in its PHP array, and the text the {@code simple} format prints (YOURLS's {@code simple}
 * key, never part of the other formats). Built by {@link YourlsReplies}; rendered by
 * {@link YourlsFormats#render(YourlsReply, YourlsParams)}.
 *
 * <p>The HTTP status is not stored apart: as in YOURLS it is the reply's own {@code statusCode}, else
 * its {@code errorCode}, else 200, so the status and the body can never disagree.
 */
public final class YourlsReply {
    private final YourlsFields fields;
    private final String simple;

    YourlsReply(YourlsFields fields, String simple) {
        this.fields = Objects.requireNonNull(fields, "fields");
        this.simple = simple;
    }

    public YourlsFields fields() {
        return fields;
    }

    /** What the {@code simple} format prints; empty when YOURLS prints nothing. */
    public Optional<String> simpleText() {
        return Optional.ofNullable(simple);
    }

    /** The HTTP status: {@code statusCode}, else {@code errorCode}, else 200 (as {@code yourls_api_output}). */
    public int httpStatus() {
        for (String name : new String[] {"statusCode", "errorCode"}) {
            Optional<YourlsValue> value = fields.get(name);
            if (value.isPresent()) {
                return statusOf(value.get());
            }
        }
        return 200;
    }

    /** {@code name} of this reply's top level, when it is text. */
    public Optional<String> text(String name) {
        return fields.get(name).filter(YourlsValue.Text.class::isInstance)
                .map(value -> ((YourlsValue.Text) value).value());
    }

    YourlsReply with(String name, YourlsValue value) {
        return new YourlsReply(fields.with(name, value), simple);
    }

    private static int statusOf(YourlsValue value) {
        String code = switch (value) {
            case YourlsValue.Text text -> text.value();
            case YourlsValue.Number number -> Long.toString(number.value());
            default -> "";
        };
        try {
            int status = Integer.parseInt(code);
            return status >= 100 && status <= 599 ? status : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof YourlsReply that && fields.equals(that.fields) && Objects.equals(simple, that.simple);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, simple);
    }

    @Override
    public String toString() {
        return "YourlsReply" + fields + (simple == null ? "" : " simple=" + simple);
    }
}
