package dev.tern.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each with the reason it is acceptable here. */
final class Nag {
    private Nag() {
    }

    /** Suppresses {@code rule} on {@code construct} and everything under it. */
    static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
    }

    /** Suppresses {@code rule} on {@code construct} for the named findings only (e.g. {@code Resource::*}). */
    static void suppress(IConstruct construct, String rule, String reason, List<String> appliesTo) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).appliesTo(List.copyOf(appliesTo)).build()), true);
    }
}
