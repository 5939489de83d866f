package dev.tern.core.status;

/**
 * The short code of the status probe's canary link, which the probe creates in every region and
 * follows every minute. Here, in core, because more than the status page relies on it: the redirect
 * function's SnapStart priming follows it too (a link that exists in a deployed region, so the priming
 * covers the found path).
 */
public final class CanaryCode {
    /** '_' and '-' are allowed in codes but never generated, so it cannot collide with a link's. */
    public static final String VALUE = "_tern-canary";

    private CanaryCode() {
    }
}
