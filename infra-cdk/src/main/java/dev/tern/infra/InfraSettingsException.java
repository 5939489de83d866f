package dev.tern.infra;

/**
 * A CDK context value that cannot be used; the message names the key, the value and what would do,
 * e.g. {@code tern:regions = 'us-east-1' is not usable: exactly three regions for linksConsistency mrsc …}.
 */
public final class InfraSettingsException extends IllegalArgumentException {
    private final InfraSettings.Key key;

    InfraSettingsException(InfraSettings.Key key, String value, String expected) {
        super(value == null
                ? key.contextKey() + " is missing: " + expected
                : key.contextKey() + " = '" + value + "' is not usable: " + expected);
        this.key = key;
    }

    /** The context key at fault. */
    public InfraSettings.Key key() {
        return key;
    }
}
