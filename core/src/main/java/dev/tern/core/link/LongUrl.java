package dev.tern.core.link;

import dev.tern.core.error.InvalidUrlException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The destination of a link, in two forms: {@link #value()}, the normalised form stored and shown
 * (it may hold Unicode, as typed), and {@link #location()}, the ASCII form sent in the
 * {@code Location} header (IDNA punycode host, percent-encoded non-ASCII), valid whatever was typed.
 *
 * <p>{@link #parse} applies the acceptance rules of a {@link UrlPolicy}; {@link #fromStored} rebuilds
 * a URL that was accepted earlier (or migrated) without judging it again.
 */
public final class LongUrl {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
    /** A host name label: letters, digits and hyphens, or any non-ASCII (IDN) characters. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "^(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}\\-]*[\\p{L}\\p{N}\\p{M}])?\\.)*[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}\\-]*[\\p{L}\\p{N}\\p{M}])?\\.?$");
    private static final Pattern IPV4 = Pattern.compile("^(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6_LITERAL = Pattern.compile("^\\[[0-9A-Fa-f:.]+(?:%25[0-9A-Za-z]+)?]$");
    /** A top-level domain of a scheme-less host: letters (or punycode), at least two. */
    private static final Pattern TLD = Pattern.compile("^(?:\\p{L}{2,}|xn--[a-z0-9-]+)$");
    private static final Pattern PORT = Pattern.compile("^\\d{1,5}$");
    /** A host name as it goes on the wire: letters, digits and hyphens (RFC 1123), optionally ending in a dot. */
    private static final Pattern ASCII_HOST_NAME = Pattern.compile(
            "^(?:[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?\\.){0,126}[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?\\.?$",
            Pattern.CASE_INSENSITIVE);
    /** The longest host name DNS allows (RFC 1035), also checked before any pattern runs on a host. */
    private static final int MAX_HOST_LENGTH = 253;
    /** Input longer than this is refused before any other work, whatever the policy. */
    private static final int HARD_INPUT_LIMIT = 256 * 1024;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Decides whether a stored scheme-less value names a host: only the http:// prefixing of {@link #parse} matters. */
    private static final UrlPolicy SCHEMELESS_JUDGE = UrlPolicy.defaults(Set.of());

    private final String value;
    private final String location;
    private final String scheme;
    private final String host;

    private LongUrl(String value, String location, String scheme, String host) {
        this.value = value;
        this.location = location;
        this.scheme = scheme;
        this.host = host;
    }

    /**
     * Validates and normalises a URL typed or sent by a creator.
     *
     * @throws InvalidUrlException with a detail that says what is wrong, in plain words
     * @throws dev.tern.core.error.TernException with code {@code REDIRECT_LOOP} when the URL is one of
     *     this site's own short links (see {@link InvalidUrlException#redirectLoop})
     */
    public static LongUrl parse(String raw, UrlPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (raw == null || raw.isBlank()) {
            throw new InvalidUrlException("A URL is required");
        }
        if (raw.length() > HARD_INPUT_LIMIT) {
            throw tooLong(raw.length(), policy);
        }
        String input = raw.strip();
        // Positions are reported in what the creator typed, surrounding whitespace included.
        int offset = raw.length() - raw.stripLeading().length();
        int control = firstControlCharacter(input);
        if (control >= 0) {
            throw new InvalidUrlException(String.format(
                    "The URL contains a control character (U+%04X at position %d); remove it and try again",
                    (int) input.charAt(control), position(input, control) + offset));
        }
        int surrogate = firstLoneSurrogate(input);
        if (surrogate >= 0) {
            throw new InvalidUrlException(String.format(
                    "The URL contains a broken character (a lone UTF-16 surrogate U+%04X at position %d)",
                    (int) input.charAt(surrogate), position(input, surrogate) + offset));
        }
        Parts parts = split(input, policy);
        LongUrl url = build(parts);
        int bytes = url.location.length(); // the location form is pure ASCII: one byte per char
        if (bytes > policy.maxLength()) {
            throw tooLong(bytes, policy);
        }
        if (parts.host != null && isOwnHost(parts.host, policy) && couldBeShortLink(parts.rest)) {
            throw InvalidUrlException.redirectLoop(input);
        }
        return url;
    }

    /**
     * Rebuilds a URL that was accepted before (read from the store or carried over by the migration).
     * It is not judged again and its {@link #value()} is kept exactly as stored (a migrated YOURLS
     * URL stays byte for byte what YOURLS had), but its {@code Location} form is still made valid
     * ASCII, and a scheme-less value that names a host ({@code example.com/x}, which YOURLS stored
     * as typed) gets an absolute {@code http://} location: Tern never redirects relatively.
     */
    public static LongUrl fromStored(String stored) {
        Objects.requireNonNull(stored, "stored");
        var matcher = SCHEME.matcher(stored);
        if (!matcher.find() || !isScheme(matcher.group(1).toLowerCase(Locale.ROOT), stored, matcher.end(), SCHEMELESS_JUDGE)) {
            return fromStoredWithoutScheme(stored);
        }
        String scheme = matcher.group(1).toLowerCase(Locale.ROOT);
        String afterScheme = stored.substring(matcher.end());
        LongUrl built = build(new Parts(scheme, afterScheme, hierarchicalHost(afterScheme), null));
        return new LongUrl(stored, built.location, built.scheme, built.host);
    }

    private static LongUrl fromStoredWithoutScheme(String stored) {
        try {
            LongUrl parsed = parse(stored, SCHEMELESS_JUDGE);
            if (!parsed.value.equals(stored)) {
                return new LongUrl(stored, parsed.location, parsed.scheme, parsed.host);
            }
        } catch (InvalidUrlException notAHost) {
            // A bare word: below.
        }
        // Only a migrated row can look like this; it is kept (disabled) but has no scheme to speak of.
        return new LongUrl(stored, toAsciiKeepingReserved(stored), "", null);
    }

    /** The normalised URL as stored and shown (may contain Unicode). */
    public String value() {
        return value;
    }

    /** The URL as sent in a {@code Location} header: ASCII only. */
    public String location() {
        return location;
    }

    /** The lower-case scheme, e.g. {@code https}. */
    public String scheme() {
        return scheme;
    }

    /** The lower-case host as typed (Unicode kept), or {@code null} for schemes without one ({@code mailto:}). */
    public String host() {
        return host;
    }

    /** This URL with a query string appended (for query-string forwarding), before any fragment. */
    public LongUrl withQueryAppended(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return this;
        }
        int hash = value.indexOf('#');
        String base = hash < 0 ? value : value.substring(0, hash);
        String fragment = hash < 0 ? "" : value.substring(hash);
        String separator = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        String joined = base + separator + rawQuery + fragment;
        return fromStored(joined);
    }

    // ---------------------------------------------------------------------------------------------

    /** The pieces of an input URL: scheme, everything after "scheme:", and the host when there is one. */
    private record Parts(String scheme, String afterScheme, String host, String rest) {
    }

    private static Parts split(String input, UrlPolicy policy) {
        var matcher = SCHEME.matcher(input);
        if (matcher.find() && isScheme(matcher.group(1).toLowerCase(Locale.ROOT), input, matcher.end(), policy)) {
            String scheme = matcher.group(1).toLowerCase(Locale.ROOT);
            if (UrlPolicy.ALWAYS_REFUSED_SCHEMES.contains(scheme)) {
                throw new InvalidUrlException("Links to \"" + scheme + ":\" URLs are never accepted, because they can run code or read files in the visitor's browser");
            }
            if (!policy.allowsScheme(scheme)) {
                throw new InvalidUrlException("URLs starting with \"" + scheme + ":\" are not accepted here; use an http:// or https:// address");
            }
            String afterScheme = input.substring(matcher.end());
            if (afterScheme.isEmpty()) {
                throw new InvalidUrlException("The URL \"" + abbreviate(input) + "\" has nothing after \"" + scheme + ":\"");
            }
            if (afterScheme.startsWith("//")) {
                Authority authority = authority(afterScheme, input);
                return new Parts(scheme, afterScheme, authority.host, authority.rest);
            }
            if ("http".equals(scheme) || "https".equals(scheme)) {
                throw new InvalidUrlException("The URL \"" + abbreviate(input) + "\" is missing the \"//\" after \"" + scheme + ":\"");
            }
            if (afterScheme.startsWith("#")) {
                throw new InvalidUrlException("The URL \"" + abbreviate(input) + "\" has nothing after \"" + scheme + ":\"");
            }
            return new Parts(scheme, afterScheme, null, null);
        }
        // No scheme: accept it only if it starts with something that is clearly a host name.
        String afterScheme = "//" + input;
        Authority authority = authority(afterScheme, input);
        if (authority.hasUserInfo) {
            throw new InvalidUrlException("\"" + abbreviate(input) + "\" looks like an e-mail address; for a mail link write mailto:" + abbreviate(input));
        }
        if (!looksLikePublicHost(authority.host)) {
            throw new InvalidUrlException("\"" + abbreviate(input) + "\" is not a web address; enter a full URL such as https://example.com/page");
        }
        return new Parts("http", afterScheme, authority.host, authority.rest);
    }

    /**
     * Whether the text before the first ':' is a scheme. A scheme Tern knows ({@code tel:5551234},
     * {@code javascript:1}) always is; otherwise "example.com:8080/x" or "localhost:3000" is a host and port.
     */
    private static boolean isScheme(String candidate, String input, int afterColon, UrlPolicy policy) {
        return policy.allowsScheme(candidate) || UrlPolicy.ALWAYS_REFUSED_SCHEMES.contains(candidate)
                || !looksLikeHostAndPort(input, afterColon);
    }

    private static boolean looksLikeHostAndPort(String input, int afterColon) {
        int end = afterColon;
        while (end < input.length() && input.charAt(end) >= '0' && input.charAt(end) <= '9') {
            end++;
        }
        if (end == afterColon) {
            return false;
        }
        return end == input.length() || "/?#".indexOf(input.charAt(end)) >= 0;
    }

    private record Authority(String host, String rest, boolean hasUserInfo) {
    }

    /** Parses "//userinfo@host:port/rest" and validates the host and port. */
    private static Authority authority(String afterScheme, String input) {
        int start = 2;
        int end = start;
        while (end < afterScheme.length() && "/?#".indexOf(afterScheme.charAt(end)) < 0) {
            end++;
        }
        String authority = afterScheme.substring(start, end);
        String rest = afterScheme.substring(end);
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new InvalidUrlException("The address in \"" + abbreviate(input) + "\" has an unclosed '['");
            }
            host = hostPort.substring(0, close + 1);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') {
                    throw new InvalidUrlException("The address in \"" + abbreviate(input) + "\" is malformed after ']'");
                }
                port = hostPort.substring(close + 2);
            }
            if (!isIpv6Literal(host)) {
                throw new InvalidUrlException("\"" + abbreviate(host) + "\" is not a valid IPv6 address");
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                port = hostPort.substring(colon + 1);
            }
        }
        if (host.isEmpty()) {
            throw new InvalidUrlException("The URL \"" + abbreviate(input) + "\" has no host name");
        }
        if (port != null && !port.isEmpty()) {
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535 || Integer.parseInt(port) == 0) {
                throw new InvalidUrlException("\"" + abbreviate(port) + "\" is not a valid port number (1-65535)");
            }
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (!lowerHost.startsWith("[") && !IPV4.matcher(lowerHost).matches()) {
            validateHostName(host, lowerHost);
        }
        return new Authority(lowerHost, rest, at >= 0);
    }

    private static void validateHostName(String host, String lowerHost) {
        String name = stripTrailingDot(lowerHost);
        // Checked before the pattern runs: the pattern's work (and stack) grows with the input.
        if (name.length() > MAX_HOST_LENGTH) {
            throw new InvalidUrlException("The host name \"" + abbreviate(host) + "\" is too long (at most "
                    + MAX_HOST_LENGTH + " characters)");
        }
        if (!HOST_NAME.matcher(lowerHost).matches()) {
            throw new InvalidUrlException("\"" + abbreviate(host) + "\" is not a valid host name");
        }
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        if (lastLabel.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // Browsers read a name ending in a number as an IPv4 address (999.1.1.1, 1234).
            throw new InvalidUrlException("\"" + abbreviate(host) + "\" is not a valid IP address or host name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\u00DF' || c == '\u03C2' || c == '\u200C' || c == '\u200D') {
                // IDNA 2003 (java.net.IDN) maps these away (straße -> strasse), browsers keep them
                // (xn--strae-oqa): the two would send visitors to different hosts.
                throw new InvalidUrlException(String.format("The host name \"%s\" contains '%c' (U+%04X), which older and"
                        + " newer browsers turn into different addresses; enter the host in its xn-- (punycode) form",
                        abbreviate(host), c, (int) c));
            }
        }
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("\"" + abbreviate(host) + "\" is not a valid host name");
        }
        if (ascii.length() > MAX_HOST_LENGTH || !ASCII_HOST_NAME.matcher(ascii).matches()) {
            throw new InvalidUrlException("\"" + abbreviate(host) + "\" is not a valid host name");
        }
    }

    /** "[2001:db8::1]", optionally with a zone ("%25eth0"); checked without any name lookup. */
    private static boolean isIpv6Literal(String bracketed) {
        if (bracketed.length() > 64 || !IPV6_LITERAL.matcher(bracketed).matches()) {
            return false;
        }
        int zone = bracketed.indexOf("%25");
        String address = zone < 0 ? bracketed.substring(1, bracketed.length() - 1) : bracketed.substring(1, zone);
        if (address.indexOf(':') < 0) {
            return false;
        }
        for (String group : address.split(":", -1)) {
            // InetAddress takes "001838" as one group; browsers and java.net.URI allow at most 4 hex digits.
            if (group.length() > 4 && group.indexOf('.') < 0) {
                return false;
            }
        }
        try {
            // A bracketed literal is parsed, never looked up.
            return InetAddress.getByName("[" + address + "]") != null;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code host} (lower-case, as typed) names this site, in its Unicode or its ASCII form. */
    private static boolean isOwnHost(String host, UrlPolicy policy) {
        if (policy.ownHosts().isEmpty()) {
            return false;
        }
        String name = stripTrailingDot(host);
        if (policy.ownHosts().contains(name)) {
            return true;
        }
        String ascii = asciiHost(name);
        for (String own : policy.ownHosts()) {
            String ownName = stripTrailingDot(own);
            if (ownName.equals(ascii) || asciiHost(ownName).equalsIgnoreCase(ascii)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikePublicHost(String host) {
        if (host.startsWith("[") || IPV4.matcher(host).matches()) {
            return true;
        }
        String name = stripTrailingDot(host);
        int dot = name.lastIndexOf('.');
        return dot > 0 && TLD.matcher(name.substring(dot + 1)).matches();
    }

    /** A path such as "/abc", "/abc/" or "/abc?x" on our own host: a short link, now or later. */
    private static boolean couldBeShortLink(String rest) {
        if (rest == null || rest.isEmpty() || rest.charAt(0) != '/') {
            return false;
        }
        int end = 1;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String segment = rest.substring(1, end);
        boolean onlyTrailingSlash = end >= rest.length() || rest.charAt(end) != '/' || end + 1 == rest.length()
                || "?#".indexOf(rest.charAt(end + 1)) >= 0;
        return ShortCode.isValid(segment) && onlyTrailingSlash && !CodePolicy.defaults().isReserved(segment);
    }

    /** Builds both forms from the validated pieces: lower-case scheme and host, ASCII location. */
    private static LongUrl build(Parts parts) {
        String scheme = parts.scheme;
        String after = parts.afterScheme;
        if (parts.host == null || !after.startsWith("//")) {
            String value = scheme + ":" + after;
            return new LongUrl(value, scheme + ":" + toAsciiKeepingReserved(after), scheme, null);
        }
        int end = 2;
        while (end < after.length() && "/?#".indexOf(after.charAt(end)) < 0) {
            end++;
        }
        String authority = after.substring(2, end);
        String rest = after.substring(end);
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1);
        String host;
        String portPart;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = hostPort.substring(0, close + 1);
            portPart = hostPort.substring(close + 1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            portPart = colon >= 0 ? hostPort.substring(colon) : "";
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        String asciiHost = asciiHost(lowerHost);
        String value = scheme + "://" + userInfo + lowerHost + portPart + rest;
        String location = scheme + "://" + userInfoToAscii(userInfo) + asciiHost + toAsciiKeepingReserved(portPart)
                + toAsciiKeepingReserved(rest);
        return new LongUrl(value, location, scheme, lowerHost);
    }

    private static String asciiHost(String lowerHost) {
        if (IPV6_LITERAL.matcher(lowerHost).matches()) {
            return lowerHost;
        }
        if (isAscii(lowerHost)) {
            return toAsciiKeepingReserved(lowerHost); // unchanged unless a stored value holds odd characters
        }
        try {
            String ascii = IDN.toASCII(lowerHost, IDN.ALLOW_UNASSIGNED);
            if (ASCII_HOST_NAME.matcher(ascii).matches()) {
                return ascii;
            }
        } catch (IllegalArgumentException e) {
            // handled below
        }
        // Only reachable for stored or migrated values accepted under older rules: still valid URI syntax.
        return toAsciiKeepingReserved(lowerHost);
    }

    /**
     * Percent-encodes what may not appear raw in a URI: non-ASCII (as UTF-8), spaces, quotes, the
     * other characters RFC 3986 excludes, '[' and ']' (only a host may hold them), a '%' that does not
     * start an escape, and every '#' after the first (a fragment cannot hold one). Existing
     * percent-escapes and the other reserved characters are kept verbatim.
     */
    static String toAsciiKeepingReserved(String text) {
        return toAscii(text, "", text.indexOf('#'));
    }

    /** "user:pass@" of an authority: as above, and every '@' but the last one escaped too. */
    private static String userInfoToAscii(String userInfo) {
        if (userInfo.isEmpty()) {
            return userInfo;
        }
        return toAscii(userInfo.substring(0, userInfo.length() - 1), "@#", -1) + "@";
    }

    /**
     * @param alsoEscape characters to escape besides the standard ones
     * @param fragmentAt index of the '#' that starts the fragment (kept), or -1
     */
    private static String toAscii(String text, String alsoEscape, int fragmentAt) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = c > ' ' && c < 0x7F && "\"<>\\^`{|}[]".indexOf(c) < 0 && alsoEscape.indexOf(c) < 0
                    && (c != '%' || isEscape(text, i))
                    && (c != '#' || i == fragmentAt);
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            int codePoint = text.codePointAt(i);
            if (Character.charCount(codePoint) == 2) {
                i++;
            } else if (Character.isSurrogate(c)) {
                codePoint = 0xFFFD; // a lone surrogate cannot be UTF-8 encoded; stand in the replacement character
            }
            for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether text[i] is the '%' of a percent-escape such as {@code %2F}. */
    private static boolean isEscape(String text, int i) {
        return i + 2 < text.length() && isHexDigit(text.charAt(i + 1)) && isHexDigit(text.charAt(i + 2));
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    /** A position for people: 1-based, counting a character outside the BMP (an emoji) once. */
    private static int position(String text, int index) {
        return text.codePointCount(0, index) + 1;
    }

    private static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String hierarchicalHost(String afterScheme) {
        if (!afterScheme.startsWith("//")) {
            return null;
        }
        int end = 2;
        while (end < afterScheme.length() && "/?#".indexOf(afterScheme.charAt(end)) < 0) {
            end++;
        }
        return afterScheme.substring(2, end);
    }

    private static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String stripTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static InvalidUrlException tooLong(int length, UrlPolicy policy) {
        return new InvalidUrlException("The URL is too long: " + length + " bytes, and the limit is " + policy.maxLength());
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LongUrl that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
