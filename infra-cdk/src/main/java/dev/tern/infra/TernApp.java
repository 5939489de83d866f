package dev.tern.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/**
 * The CDK app: {@code TernData} (global tables and secrets, home region), one {@code TernRegion-<region>}
 * per region, and {@code TernGlobal} (routing, health checks, status site; us-east-1), checked by
 * cdk-nag's AwsSolutions pack.
 *
 * <p>Run by the CDK command line ({@code cdk synth}, see {@code cdk.json}) or directly, without it and
 * without a network: then it reads the context from {@code cdk.json} and {@code -c key=value}
 * arguments, and writes the templates to {@code cdk.out}.
 */
public final class TernApp {
    private final DataStack data;
    private final List<RegionStack> regions;
    private final GlobalStack global;

    private TernApp(DataStack data, List<RegionStack> regions, GlobalStack global) {
        this.data = data;
        this.regions = List.copyOf(regions);
        this.global = global;
    }

    /** Adds Tern's stacks to {@code app}, configured by its context, and the cdk-nag checks. */
    public static TernApp build(App app) {
        InfraSettings settings = InfraSettings.fromContext(key -> app.getNode().tryGetContext(key));
        String account = settings.account().isEmpty() ? System.getenv("CDK_DEFAULT_ACCOUNT") : settings.account();
        Tags.of(app).add("app", "tern");
        DataStack data = new DataStack(app, "TernData", props(account, settings.homeRegion(),
                "Tern data: global tables and secrets"), settings);
        List<RegionStack> regions = new ArrayList<>();
        for (String region : settings.regions()) {
            RegionStack stack = new RegionStack(app, "TernRegion-" + region, props(account, region,
                    "Tern in " + region + ": functions, HTTP API, click channel, alarms"), settings, region);
            // deploy order only: the functions use the global tables and secrets
            stack.getNode().addDependency(data);
            regions.add(stack);
        }
        GlobalStack global = new GlobalStack(app, "TernGlobal", props(account, GlobalStack.REGION,
                "Tern global: latency routing, health checks, status site"), settings);
        // deploy order only: the health checks and latency records point at each region's host name
        regions.forEach(region -> global.getNode().addDependency(region));
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        return new TernApp(data, regions, global);
    }

    private static StackProps props(String account, String region, String description) {
        Environment.Builder env = Environment.builder().region(region);
        if (account != null && !account.isBlank()) {
            env.account(account);
        }
        return StackProps.builder().env(env.build()).description(description).build();
    }

    public DataStack data() {
        return data;
    }

    public List<RegionStack> regions() {
        return regions;
    }

    public GlobalStack global() {
        return global;
    }

    /**
     * Synthesizes the app. Under the CDK command line the context and output directory come from it;
     * otherwise from {@code cdk.json} in the working directory and {@code -c key=value} arguments, into
     * {@code cdk.out}. A bad setting ends with its message and exit status 2, without a stack trace.
     */
    public static void main(String[] args) {
        try {
            boolean underCli = System.getenv("CDK_OUTDIR") != null || System.getenv("CDK_CONTEXT_JSON") != null;
            App app = underCli ? new App()
                    : new App(AppProps.builder().outdir("cdk.out").context(standaloneContext(args)).build());
            TernApp tern = build(app);
            app.synth();
            if (!underCli && !report(app, tern)) {
                System.exit(1);
            }
        } catch (InfraSettingsException e) {
            System.err.println("tern infra: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Prints what the command line would: each stack's template, and every warning and error (cdk-nag's
     * findings among them) recorded in the construct tree during synthesis. Returns whether there was
     * no error.
     */
    private static boolean report(App app, TernApp tern) {
        boolean clean = true;
        List<Stack> stacks = new ArrayList<>();
        stacks.add(tern.data());
        stacks.addAll(tern.regions());
        stacks.add(tern.global());
        for (Stack stack : stacks) {
            System.out.println(stack.getStackName() + " (" + stack.getRegion() + "): " + app.getOutdir() + "/"
                    + stack.getTemplateFile());
            for (IConstruct construct : stack.getNode().findAll()) {
                for (MetadataEntry entry : construct.getNode().getMetadata()) {
                    boolean error = entry.getType().equals("aws:cdk:error");
                    if (error || entry.getType().equals("aws:cdk:warning")) {
                        clean &= !error;
                        System.err.println("  [" + (error ? "ERROR" : "WARNING") + "] " + construct.getNode().getPath()
                                + ": " + entry.getData());
                    }
                }
            }
        }
        return clean;
    }

    /** cdk.json's {@code context}, overridden by {@code -c key=value} arguments, as the CDK command line would. */
    static Map<String, Object> standaloneContext(String[] args) {
        Map<String, Object> context = new LinkedHashMap<>();
        Path cdkJson = Path.of("cdk.json");
        if (Files.isRegularFile(cdkJson)) {
            try {
                JsonNode fromFile = new ObjectMapper().readTree(cdkJson.toFile()).path("context");
                fromFile.properties().forEach(entry -> context.put(entry.getKey(),
                        entry.getValue().isTextual() ? entry.getValue().asText()
                                : new ObjectMapper().convertValue(entry.getValue(), Object.class)));
            } catch (IOException e) {
                throw new IllegalStateException("cdk.json could not be read: " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String pair = null;
            if ((arg.equals("-c") || arg.equals("--context")) && i + 1 < args.length) {
                pair = args[++i];
            } else if (arg.startsWith("--context=")) {
                pair = arg.substring("--context=".length());
            }
            if (pair != null) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("a context argument is key=value, got '" + pair + "'");
                }
                context.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return context;
    }
}
