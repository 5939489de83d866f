package dev.tern.core.abuse;

import java.net.IDN;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An immutable set of blocked hosts and the matching rule: a host is blocked when it, or any parent
 * domain of it, is in the set ({@code evil.example} blocks {@code evil.example} and
 * {@code www.evil.example}, not {@code notevil.example}). Hosts are compared in their normalised
 * form ({@link #normalise}): lower case, IDN in its ASCII ({@code xn--}) form, no trailing dot, no port.
 */
public final class BlockedHosts {
    /** The longest host name DNS allows. */
    public static final int MAX_HOST_LENGTH = 253;
    private static final Pattern LABELS = Pattern.compile("^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-f:.]{2,45}$");
    public static final BlockedHosts EMPTY = new BlockedHosts(Set.of());

    private final Set<String> hosts;

    private BlockedHosts(Set<String> normalised) {
        this.hosts = Set.copyOf(normalised);
    }

    /** The set of {@code entries}, each {@link #normalise normalised}; entries that are not hosts are skipped. */
    public static BlockedHosts of(Collection<String> entries) {
        Set<String> normalised = new TreeSet<>();
        for (String entry : entries) {
            normalise(entry).ifPresent(normalised::add);
        }
        return new BlockedHosts(normalised);
    }

    /** Both sets together. */
    public BlockedHosts with(BlockedHosts other) {
        if (other.hosts.isEmpty()) {
            return this;
        }
        Set<String> all = new TreeSet<>(hosts);
        all.addAll(other.hosts);
        return new BlockedHosts(all);
    }

    /**
     * The normal form of a host or blocklist entry, or empty when it is none: surrounding blanks,
     * a leading {@code *.} or {@code .}, a port and a trailing dot removed, lower case, international
     * names in ASCII ({@code bücher.example} → {@code xn--bcher-kva.example}), IPv6 literals without brackets.
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String host = raw.strip();
        if (host.startsWith("*.")) {
            host = host.substring(2);
        } else if (host.startsWith(".")) {
            host = host.substring(1);
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String literal = host.substring(1, close).toLowerCase(Locale.ROOT);
            return IPV6.matcher(literal).matches() ? Optional.of(literal) : Optional.empty();
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            if (host.indexOf(':') != colon) { // a bare IPv6 literal
                String literal = host.toLowerCase(Locale.ROOT);
                return IPV6.matcher(literal).matches() ? Optional.of(literal) : Optional.empty();
            }
            String port = host.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.length() > 4 * MAX_HOST_LENGTH) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
        return ascii.length() <= MAX_HOST_LENGTH && LABELS.matcher(ascii).matches() ? Optional.of(ascii) : Optional.empty();
    }

    /** The entry that blocks {@code host} (it or a parent domain), if any. */
    public Optional<String> match(String host) {
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> normal = normalise(host);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        String candidate = normal.get();
        if (candidate.indexOf(':') >= 0) {
            return hosts.contains(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        while (true) {
            if (hosts.contains(candidate)) {
                return Optional.of(candidate);
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** The entries, sorted. */
    public Set<String> entries() {
        return new TreeSet<>(hosts);
    }

    public int size() {
        return hosts.size();
    }
}
