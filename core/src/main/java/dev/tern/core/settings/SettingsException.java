package dev.tern.core.settings;

/** A setting has a value Tern cannot use; the message names the variable and says what is expected. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(Setting setting, String value, String expected) {
        super(setting.variable() + "='" + value + "' is not usable: " + expected);
    }
}
