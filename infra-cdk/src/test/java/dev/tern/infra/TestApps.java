package dev.tern.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The apps the template tests inspect, each synthesized once per JVM (the first synthesis starts the
 * jsii runtime and takes seconds): an MRSC deployment in the three US regions and an MREC deployment
 * in two regions of different sets with a home write region.
 */
final class TestApps {
    static final String DOMAIN = "links.example.com";
    static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
    static final List<String> MRSC_REGIONS = List.of("us-east-1", "us-east-2", "us-west-2");
    static final List<String> MREC_REGIONS = List.of("eu-west-1", "us-east-1");

    private static TernApp strong;
    private static TernApp eventual;
    private static final Map<Stack, Template> TEMPLATES = new LinkedHashMap<>();

    private TestApps() {
    }

    /**
     * Context of a valid deployment, for tests to change one key of: cdk.json's feature flags (so the
     * tests synthesize as a deployment does) and the test's own settings.
     */
    static Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>();
        TernApp.standaloneContext(new String[0]).forEach((key, value) -> {
            if (!key.startsWith(InfraSettings.PREFIX)) {
                context.put(key, value);
            }
        });
        context.put("tern:domainName", DOMAIN);
        context.put("tern:hostedZoneId", ZONE_ID);
        context.put("tern:regions", String.join(",", MRSC_REGIONS));
        context.put("tern:alarmEmail", "ops@example.com");
        context.put("tern:account", "123456789012");
        return context;
    }

    /** The MRSC deployment (the default): us-east-1 (home), us-east-2, us-west-2; memory 1536/1024/512. */
    static synchronized TernApp strong() {
        if (strong == null) {
            Map<String, Object> context = context();
            context.put("tern:siteMemoryMb", 1536);
            strong = synthesized(context);
        }
        return strong;
    }

    /** The MREC deployment: eu-west-1 (home) and us-east-1, x86-64. */
    static synchronized TernApp eventual() {
        if (eventual == null) {
            Map<String, Object> context = context();
            context.put("tern:regions", String.join(",", MREC_REGIONS));
            context.put("tern:linksConsistency", "mrec");
            context.put("tern:homeRegion", "eu-west-1");
            context.put("tern:architecture", "x86_64");
            eventual = synthesized(context);
        }
        return eventual;
    }

    static synchronized Template template(Stack stack) {
        return TEMPLATES.computeIfAbsent(stack, Template::fromStack);
    }

    private static TernApp synthesized(Map<String, Object> context) {
        try {
            App app = new App(AppProps.builder()
                    .context(context)
                    .outdir(Files.createTempDirectory("tern-cdk").toString())
                    .build());
            TernApp tern = TernApp.build(app);
            app.synth();
            return tern;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
