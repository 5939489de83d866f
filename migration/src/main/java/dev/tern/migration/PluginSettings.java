package dev.tern.migration;

import dev.tern.core.link.RedirectPolicy;
import dev.tern.migration.source.ExpiryRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the YOURLS site's active plugins ({@code yourls_options.active_plugins}, a PHP-serialised
 * list of plugin files) mean for Tern. Known plugins are mapped to per-link settings:
 * <ul>
 * <li>a "302" / temporary-redirect plugin → every migrated link redirects with 302;</li>
 * <li>a forward-query plugin → every migrated link passes the visitor's query string on;</li>
 * <li>the Expiry plugin → its {@code clock} rows become link expiries (click budgets and
 *     post-expiry destinations are listed as not carried);</li>
 * <li>{@code hyphens-in-urls} → hyphens stay allowed in the YOURLS API's keywords.</li>
 * </ul>
 * Every other plugin is listed in the report as not carried.
 */
public final class PluginSettings {
    private final List<String> active;
    private final List<String> carried = new ArrayList<>();
    private final List<String> notCarried = new ArrayList<>();
    private final RedirectPolicy redirectPolicy;
    private final boolean hyphens;

    private PluginSettings(List<String> active, RedirectPolicy deploymentDefault) {
        this.active = List.copyOf(active);
        boolean temporary = false;
        boolean forwardQuery = false;
        boolean hyphensAllowed = false;
        for (String plugin : active) {
            String name = plugin.toLowerCase(Locale.ROOT);
            if (name.contains("302") || name.contains("temporary-redirect") || name.contains("temp-redirect")) {
                temporary = true;
                carried.add(plugin + ": migrated links redirect with 302");
            } else if (name.contains("forward-query") || name.contains("query-string") || name.contains("pass-query")
                    || name.contains("forward-params") || name.contains("keep-query")) {
                forwardQuery = true;
                carried.add(plugin + ": migrated links pass the visitor's query string on");
            } else if (name.contains("expiry")) {
                carried.add(plugin + ": time limits carried as link expiries (click budgets and post-expiry URLs are not)");
            } else if (name.contains("hyphens-in-urls")) {
                hyphensAllowed = true;
                carried.add(plugin + ": hyphens stay allowed in keywords of the YOURLS API");
            } else {
                notCarried.add(plugin);
            }
        }
        this.hyphens = hyphensAllowed;
        this.redirectPolicy = temporary || forwardQuery
                ? new RedirectPolicy(temporary ? 302 : deploymentDefault.status(), deploymentDefault.cacheFor(),
                        forwardQuery || deploymentDefault.forwardQuery())
                : null;
    }

    /**
     * Reads {@code active_plugins} (e.g. {@code a:1:{i:0;s:17:"expiry/plugin.php";}}).
     *
     * @param serialized        the option's value, or {@code null} when the option is absent
     * @param deploymentDefault the deployment's redirect policy, which a plugin changes only in part
     * @throws IllegalArgumentException if the value is not a PHP-serialised list of strings
     */
    public static PluginSettings from(String serialized, RedirectPolicy deploymentDefault) {
        Objects.requireNonNull(deploymentDefault, "deploymentDefault");
        return new PluginSettings(serialized == null ? List.of() : parseStrings(serialized), deploymentDefault);
    }

    /** No plugins. */
    public static PluginSettings none() {
        return new PluginSettings(List.of(), RedirectPolicy.defaults());
    }

    /** The strings of a PHP-serialised array ({@code s:<bytes>:"…";} entries), in order. */
    static List<String> parseStrings(String serialized) {
        byte[] bytes = serialized.getBytes(StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>();
        String text = serialized.strip();
        if (!text.startsWith("a:")) {
            throw new IllegalArgumentException("active_plugins is not a PHP-serialised array: " + abbreviate(serialized));
        }
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] == 's' && i + 1 < bytes.length && bytes[i + 1] == ':') {
                int colon = indexOf(bytes, (byte) ':', i + 2);
                if (colon < 0 || colon + 1 >= bytes.length || bytes[colon + 1] != '"') {
                    throw new IllegalArgumentException("active_plugins has a malformed string at byte " + i + ": " + abbreviate(serialized));
                }
                int length;
                try {
                    length = Integer.parseInt(new String(bytes, i + 2, colon - i - 2, StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("active_plugins has a malformed string length at byte " + i + ": " + abbreviate(serialized));
                }
                int start = colon + 2;
                if (length < 0 || start + length + 1 >= bytes.length + 1 || start + length >= bytes.length || bytes[start + length] != '"') {
                    throw new IllegalArgumentException("active_plugins has a string whose length does not match at byte " + i + ": " + abbreviate(serialized));
                }
                values.add(new String(bytes, start, length, StandardCharsets.UTF_8));
                i = start + length + 1;
            } else {
                i++;
            }
        }
        return values;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** The per-link redirect policy the plugins ask for, or {@code null} for the deployment's. */
    public RedirectPolicy redirectPolicy() {
        return redirectPolicy;
    }

    /** Whether {@code hyphens-in-urls} was active. */
    public boolean hyphensInKeywords() {
        return hyphens;
    }

    public List<String> active() {
        return active;
    }

    /** Plugins whose effect is carried, each with what it became. */
    public List<String> carried() {
        return List.copyOf(carried);
    }

    /** Plugins whose effect Tern does not reproduce. */
    public List<String> notCarried() {
        return List.copyOf(notCarried);
    }

    /**
     * The expiry instant of an Expiry plugin row ({@code clock}: set time + shelf life, in seconds),
     * or {@code null}; what is not carried is added to {@code notes}.
     */
    Instant expiry(ExpiryRow row, List<String> notes) {
        String type = row.type() == null ? "" : row.type().strip().toLowerCase(Locale.ROOT);
        Instant at = null;
        if (type.equals("clock")) {
            try {
                long set = Long.parseLong(row.timestamp().strip());
                long life = Long.parseLong(row.shelflife().strip());
                at = Instant.ofEpochSecond(set).plusSeconds(life);
            } catch (RuntimeException e) {
                notes.add("not carried: the Expiry plugin's time limit (timestamp \"" + row.timestamp() + "\", shelf life \""
                        + row.shelflife() + "\") is not readable");
            }
        } else if (type.equals("click")) {
            notes.add("not carried: the Expiry plugin's click budget (" + row.click() + " clicks); Tern has no click budgets");
        } else {
            notes.add("not carried: the Expiry plugin's rule of type \"" + row.type() + "\"");
        }
        String post = row.postexpire() == null ? "" : row.postexpire().strip();
        if (!post.isEmpty() && !post.equalsIgnoreCase("none")) {
            notes.add("not carried: the Expiry plugin's post-expiry destination " + post + " (an expired link answers 410 in Tern)");
        }
        return at;
    }
}
