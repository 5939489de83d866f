package dev.tern.core.apikey;

import java.util.Objects;

/** A key just issued: the stored key and its value, which is shown this once and never again. */
public record IssuedApiKey(ApiKey key, ApiKeyValue value) {
    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
