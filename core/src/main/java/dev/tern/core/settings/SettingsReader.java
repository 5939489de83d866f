package dev.tern.core.settings;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads typed values of {@link Setting}s from an environment map, failing fast with a message that names the variable. */
public final class SettingsReader {
    private final Map<String, String> env;

    public SettingsReader(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** The raw value, or the setting's default when unset or blank. */
    public String string(Setting setting) {
        String value = env.get(setting.variable());
        return value == null || value.isBlank() ? setting.defaultValue() : value.strip();
    }

    /** An environment variable that is not one of Tern's own (such as {@code AWS_REGION}). */
    public String other(String variable, String fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public int integer(Setting setting, int min, int max) {
        String value = string(setting);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new SettingsException(setting, value, "a whole number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SettingsException(setting, value, "a whole number from " + min + " to " + max);
        }
    }

    public boolean bool(Setting setting) {
        String value = string(setting);
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new SettingsException(setting, value, "true or false");
        };
    }

    public Set<String> list(Setting setting) {
        return Arrays.stream(string(setting).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** An absolute http(s) URI without query or fragment. */
    public URI httpUri(Setting setting) {
        String value = string(setting);
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new SettingsException(setting, value, "an absolute http:// or https:// address without query");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(setting, value, "an absolute http:// or https:// address");
        }
    }

    public <E extends Enum<E>> E choice(Setting setting, Map<String, E> choices) {
        String value = string(setting);
        E chosen = choices.get(value.toLowerCase(java.util.Locale.ROOT));
        if (chosen == null) {
            throw new SettingsException(setting, value, "one of " + String.join(", ", new java.util.TreeSet<>(choices.keySet())));
        }
        return chosen;
    }
}
