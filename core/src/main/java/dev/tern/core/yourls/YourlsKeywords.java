package dev.tern.core.yourls;

import dev.tern.core.link.CodePolicy;
import java.util.Set;

/**
 * YOURLS's keyword rules for one site: its charset ({@code YOURLS_URL_CONVERT}, plus {@code -} with
 * the hyphens plugin), how a custom keyword is sanitised, which keywords are reserved, and how the
 * generator turns an id into a keyword ({@code yourls_int2string}).
 */
public final class YourlsKeywords {
    /** {@code YOURLS_URL_CONVERT = 36}. */
    static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    /** {@code YOURLS_URL_CONVERT = 62}: lower case before upper case, as YOURLS orders it. */
    static final String BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /**
     * Directories of a YOURLS install root: YOURLS refuses them as keywords ({@code is_dir}), so a
     * migrated site never had them, and clients may rely on their being refused.
     */
    public static final Set<String> INSTALL_DIRECTORIES = Set.of("admin", "css", "images", "includes", "js", "user");

    private final String charset;
    private final Set<String> siteReserved;
    private final CodePolicy codePolicy;

    private YourlsKeywords(String charset, Set<String> siteReserved, CodePolicy codePolicy) {
        this.charset = charset;
        this.siteReserved = siteReserved;
        this.codePolicy = codePolicy;
    }

    /** The rules of {@code site}, with Tern's own reserved codes from {@code codePolicy}. */
    public static YourlsKeywords of(YourlsSite site, CodePolicy codePolicy) {
        String charset = (site.keywordBase() == 62 ? BASE62 : BASE36) + (site.hyphensInKeywords() ? "-" : "");
        return new YourlsKeywords(charset, site.reservedKeywords(), codePolicy);
    }

    /** The characters keywords are made of, in the generator's order. */
    public String charset() {
        return charset;
    }

    /**
     * A custom keyword as YOURLS keeps it: every character outside the charset deleted (not rejected,
     * not converted), so {@code MyMixedCase} becomes {@code yixedase} in base 36. May be empty.
     */
    public String sanitise(String raw) {
        StringBuilder kept = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (charset.indexOf(c) >= 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * Whether the keyword may not be used: the site's reserved words and YOURLS's install directories
     * compared exactly (case-sensitively, as YOURLS does), Tern's own routes and files ignoring case
     * (a {@code /Status} link beside {@code /status} would confuse people), and the empty keyword
     * (YOURLS finds the install root itself there).
     */
    public boolean isReserved(String keyword) {
        return keyword.isEmpty() || siteReserved.contains(keyword) || INSTALL_DIRECTORIES.contains(keyword)
                || codePolicy.isReserved(keyword);
    }

    /** {@code yourls_int2string}: {@code id} written in the charset's base, most significant digit first. */
    public String fromId(long id) {
        if (id < 0) {
            throw new IllegalArgumentException("keyword ids are not negative: " + id);
        }
        int base = charset.length();
        StringBuilder digits = new StringBuilder();
        long rest = id;
        do {
            digits.append(charset.charAt((int) (rest % base)));
            rest /= base;
        } while (rest > 0);
        return digits.reverse().toString();
    }
}
