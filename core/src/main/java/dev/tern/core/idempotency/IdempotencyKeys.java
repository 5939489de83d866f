package dev.tern.core.idempotency;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidRequestException;
import java.util.regex.Pattern;

/** The one rule for {@code Idempotency-Key} values, for every write that takes one. */
public final class IdempotencyKeys {
    private static final Pattern VALID = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private IdempotencyKeys() {
    }

    /**
     * Returns {@code key} if it is 1-255 visible ASCII characters (no spaces).
     *
     * @throws InvalidRequestException with {@link ErrorCode#INVALID_IDEMPOTENCY_KEY} otherwise
     */
    public static String requireValid(String key) {
        if (key == null || !VALID.matcher(key).matches()) {
            throw new InvalidRequestException(ErrorCode.INVALID_IDEMPOTENCY_KEY,
                    "An Idempotency-Key must be 1-255 visible ASCII characters");
        }
        return key;
    }
}
