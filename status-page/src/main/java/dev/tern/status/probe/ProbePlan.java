package dev.tern.status.probe;

import dev.tern.core.status.Component;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP checks a probe runs against every region.
 *
 * @param checks one or more checks per HTTP component
 */
public record ProbePlan(List<HttpCheck> checks) {
    public ProbePlan {
        checks = List.copyOf(checks);
    }

    /**
     * Tern's standard checks:
     *
     * <ul>
     *   <li>redirect: {@code GET /<canary>} answers {@code redirectStatus} with {@code Location: canaryTarget};
     *   <li>api: with an API key (read scope), {@code GET /api/v1/links/<canary>} answers 200 (a store
     *       read through the API); without one, {@code GET /api/v1/openapi.json} answers 200;
     *   <li>web: {@code GET /} answers 200;
     *   <li>yourls-api: with a signature token, {@code expand} of the canary answers 200; without one,
     *       the request is refused with 403 as YOURLS refuses it (the handler runs, auth is checked).
     * </ul>
     */
    public static ProbePlan standard(String canaryCode, int redirectStatus, URI canaryTarget, Optional<String> apiKey,
            Optional<String> yourlsSignature) {
        if (!canaryCode.matches("[0-9A-Za-z_-]+")) {
            throw new IllegalArgumentException("The canary code must be a plain short code, was \"" + canaryCode + "\"");
        }
        List<HttpCheck> checks = new ArrayList<>();
        checks.add(new HttpCheck(Component.REDIRECT, "/" + canaryCode, redirectStatus,
                Optional.of(canaryTarget.toASCIIString()), Map.of()));
        checks.add(apiKey
                .map(key -> new HttpCheck(Component.API, "/api/v1/links/" + canaryCode, 200, Optional.empty(),
                        Map.of("Authorization", "Bearer " + key)))
                .orElse(new HttpCheck(Component.API, "/api/v1/openapi.json", 200, Optional.empty(), Map.of())));
        checks.add(new HttpCheck(Component.WEB, "/", 200, Optional.empty(), Map.of()));
        checks.add(yourlsSignature
                .map(sig -> new HttpCheck(Component.YOURLS_API, "/yourls-api.php?action=expand&format=json&shorturl="
                        + canaryCode + "&signature=" + sig, 200, Optional.empty(), Map.of()))
                .orElse(new HttpCheck(Component.YOURLS_API, "/yourls-api.php?action=version&format=json", 403,
                        Optional.empty(), Map.of())));
        return new ProbePlan(checks);
    }
}
