package dev.tern.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.dynamodblocal.EmbeddedDynamoDb;
import dev.tern.status.probe.CanaryLink;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The cold-start probe (issue 8): starts a Lambda function's real zip through the real AWS Lambda
 * Runtime Interface Client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}, from
 * Maven Central) in a fresh JVM pinned to one CPU, against {@link LocalRuntimeApi} and DynamoDB Local
 * on loopback, and times:
 * <ul>
 *   <li><b>init</b>: process start to the runtime's first {@code next} (JVM start, the runtime, the
 *       handler's constructor: settings, SDK client);</li>
 *   <li><b>first invocation</b>: that {@code next} to the response of a redirect of a seeded link;</li>
 *   <li><b>cold</b>: process start to that response (init + first invocation);</li>
 *   <li><b>2nd</b>: a redirect of another link (a DynamoDB read on a warm client), <b>3rd</b>: the first
 *       link again (the container's hot-link cache).</li>
 * </ul>
 * The floor is {@link HelloWorldHandler} through the same path in the same run; cases are interleaved
 * run by run so that noise from a shared machine falls on all of them alike. A {@code snapstart} case
 * runs the same function with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}: the runtime then runs
 * every CRaC {@code beforeCheckpoint} hook (Tern's priming) after init, calls {@code restore/next}, runs
 * the {@code afterRestore} hooks and serves; there is no snapshot here, so what it shows is the first
 * invocation after priming, not the restore itself. Every answer is checked (status and
 * {@code Location}); a wrong one stops the probe.
 *
 * <p>Run {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/tern-benchmarks.jar
 * dev.tern.benchmarks.coldstart.ColdStartProbe --runs 10}; see {@code docs/PERFORMANCE.md}.
 */
public final class ColdStartProbe {
    static final String LINK_CODE = "promo";
    static final String LINK_TARGET = "https://example.com/landing/spring-sale?utm_source=tern";
    static final String OTHER_CODE = "Buch";
    static final String OTHER_TARGET = "https://example.org/books/overview";
    static final String HANDLER_SITE = "dev.tern.web.SiteHandler::handleRequest";
    static final String HANDLER_REDIRECT = "dev.tern.functions.RedirectHandler::handleRequest";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One function configuration the probe starts. */
    public record Case(String name, String handler, Path taskRoot, Map<String, String> env, boolean snapStart,
            String expectedFirstLocation, String expectedSecondLocation) {
    }

    /** The times of one cold start, in milliseconds; {@code restoreMs} is -1 without SnapStart. */
    public record Sample(double initMs, double restoreMs, double firstInvocationMs, double coldMs, double secondMs,
            double thirdMs, double warmMs, CpuSplit secondCpu) {
    }

    /**
     * CPU time the function's JVM used during one invocation (from {@code /proc/<pid>/task/<tid>/schedstat},
     * nanosecond resolution): its JIT compiler threads, and all its other threads; -1 where {@code /proc}
     * is not readable.
     */
    public record CpuSplit(double jitMs, double otherMs) {
        static final CpuSplit UNKNOWN = new CpuSplit(-1, -1);
    }

    /** What the probe needs from outside: the runtime's jars, a working directory, the CPU to pin to. */
    public record Environment(Path runtimeLib, Path workDir, Optional<String> cpu, String javaBin, int memoryMb, int warmInvocations) {
    }

    private final Environment environment;
    private final Path jniLibrary;

    ColdStartProbe(Environment environment) throws IOException {
        this.environment = environment;
        this.jniLibrary = extractJni(environment.runtimeLib(), environment.workDir());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        Path bundle = Path.of(options.getOrDefault("bundle", "infra-cdk/lambda-bundle/target/tern-lambda.zip"));
        Path redirectBundle = Path.of(options.getOrDefault("redirect-bundle", "infra-cdk/lambda-bundle/target/tern-redirect.zip"));
        Path runtimeLib = Path.of(options.getOrDefault("runtime-lib", "benchmarks/target/lambda-runtime"));
        List<String> wanted = Arrays.asList(options.getOrDefault("cases", "hello,site,site-snapstart,redirect").split(","));
        Path work = Files.createTempDirectory("tern-cold-start");
        Environment environment = new Environment(runtimeLib, work, cpu(options.getOrDefault("cpu", "0")),
                options.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                Integer.parseInt(options.getOrDefault("memory", "1024")), Integer.parseInt(options.getOrDefault("warm", "20")));
        requireFile(bundle, "the Lambda zip: ./mvnw -pl infra-cdk/lambda-bundle -am package -DskipTests");
        requireFile(runtimeLib, "the runtime's jars: ./mvnw -pl benchmarks -am package -DskipTests");
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory()) {
            seed(dynamoDb);
            ColdStartProbe probe = new ColdStartProbe(environment);
            Map<String, String> functionEnv = functionEnv(dynamoDb);
            // Another handler of the same zip in the site cases (e.g. one added to the zip for an experiment).
            String siteHandler = options.getOrDefault("site-handler", HANDLER_SITE);
            List<Case> cases = new ArrayList<>();
            for (String name : wanted) {
                switch (name.trim()) {
                    case "hello" -> cases.add(probe.helloCase(bundle));
                    case "site" -> cases.add(probe.functionCase("site", bundle, siteHandler, functionEnv, false));
                    case "site-snapstart" -> cases.add(probe.functionCase("site-snapstart", bundle, siteHandler, functionEnv, true));
                    case "redirect" -> {
                        if (Files.isRegularFile(redirectBundle)) {
                            cases.add(probe.functionCase("redirect", redirectBundle, HANDLER_REDIRECT, functionEnv, false));
                        } else {
                            System.out.println("skipping 'redirect': no " + redirectBundle);
                        }
                    }
                    case "redirect-snapstart" -> cases.add(probe.functionCase("redirect-snapstart", redirectBundle, HANDLER_REDIRECT,
                            functionEnv, true));
                    case "site-crt" -> cases.add(new Case("site-crt", HANDLER_SITE,
                            probe.withCrt(bundle, Path.of(options.getOrDefault("crt-lib", "benchmarks/target/crt-lib"))),
                            with(functionEnv, "TERN_DYNAMODB_HTTP_CLIENT", "crt"), false, LINK_TARGET, OTHER_TARGET));
                    default -> throw new IllegalArgumentException("unknown case '" + name + "'; known: hello, site, site-snapstart,"
                            + " redirect, redirect-snapstart, site-crt");
                }
            }
            System.out.printf(Locale.ROOT, "cold-start probe: %d runs of %s, cpu %s, %d MB, %s%n", runs,
                    cases.stream().map(Case::name).toList(), environment.cpu().orElse("any"), environment.memoryMb(),
                    Runtime.version());
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            cases.forEach(c -> samples.put(c.name(), new ArrayList<>()));
            for (int run = 1; run <= runs; run++) {
                for (Case c : cases) {
                    Sample sample = probe.run(c);
                    samples.get(c.name()).add(sample);
                    System.out.printf(Locale.ROOT,
                            "run %2d %-20s init %7.1f  first %7.1f  cold %7.1f  2nd %6.2f (cpu: jit %5.1f, other %5.1f)"
                                    + "  3rd %6.2f  warm %6.2f ms%n",
                            run, c.name(), sample.initMs(), sample.firstInvocationMs(), sample.coldMs(), sample.secondMs(),
                            sample.secondCpu().jitMs(), sample.secondCpu().otherMs(), sample.thirdMs(), sample.warmMs());
                }
            }
            System.out.println();
            System.out.print(report(samples));
        }
    }

    /** The environment of Tern's functions, as the CDK app sets it, pointed at DynamoDB Local. */
    static Map<String, String> functionEnv(EmbeddedDynamoDb dynamoDb) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TERN_PUBLIC_BASE_URL", "https://tern.example");
        env.put("TERN_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
        // 32 bytes, base64: the site's form secret (SiteHandler refuses to start without one).
        env.put("TERN_SECRET", "dGVybi1jb2xkLXN0YXJ0LXByb2JlLXNlY3JldC0zMmJ5dGVz");
        env.put("TERN_DYNAMODB_TIMEOUT_MILLIS", "10000");
        return env;
    }

    /** Creates Tern's tables on {@code dynamoDb} and the two links the probe follows. */
    static void seed(EmbeddedDynamoDb dynamoDb) {
        StoreSettings store = StoreSettings.fromEnv(Map.of("TERN_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString(),
                "TERN_DYNAMODB_TIMEOUT_MILLIS", "30000"));
        TernSettings settings = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", "https://tern.example"));
        try (DynamoDbStores stores = DynamoDbStores.open(store, "local")) {
            stores.createTablesIfMissing();
            Instant created = Instant.parse("2026-11-01T00:00:00Z");
            stores.stores().links().insertNew(Link.newActive(new ShortCode(LINK_CODE), LongUrl.parse(LINK_TARGET, settings.urlPolicy()),
                    "Spring sale", created, Creator.UNKNOWN));
            stores.stores().links().insertNew(Link.newActive(new ShortCode(OTHER_CODE),
                    LongUrl.parse(OTHER_TARGET, settings.urlPolicy()), "Books", created, Creator.UNKNOWN));
            // A deployed region has the status probe's canary link, which SnapStart priming follows.
            CanaryLink.ensure(stores.stores().links(), created);
        }
    }

    /** The floor: {@link HelloWorldHandler} alone in a jar, beside the bundle's Lambda core and events jars. */
    Case helloCase(Path bundle) throws IOException {
        Path root = environment.workDir().resolve("hello");
        Path lib = Files.createDirectories(root.resolve("lib"));
        Path bundleRoot = unzip(bundle);
        try (Stream<Path> jars = Files.list(bundleRoot.resolve("lib"))) {
            for (Path jar : jars.filter(j -> j.getFileName().toString().startsWith("aws-lambda-java-")).toList()) {
                Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String resource = HelloWorldHandler.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("hello.jar")));
                InputStream in = HelloWorldHandler.class.getClassLoader().getResourceAsStream(resource)) {
            jar.putNextEntry(new JarEntry(resource));
            in.transferTo(jar);
            jar.closeEntry();
        }
        return new Case("hello", HelloWorldHandler.class.getName() + "::handleRequest", root, Map.of(), false,
                "https://example.com/hello/" + LINK_CODE, "https://example.com/hello/" + OTHER_CODE);
    }

    /** A Tern function from {@code zip} (unzipped once, as Lambda does into /var/task). */
    Case functionCase(String name, Path zip, String handler, Map<String, String> env, boolean snapStart) throws IOException {
        requireFile(zip, "the function's zip");
        return new Case(name, handler, unzip(zip), env, snapStart, LINK_TARGET, OTHER_TARGET);
    }

    /** One cold start of {@code c}, then two warm invocations; the answers are checked. */
    Sample run(Case c) throws IOException, InterruptedException {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            var first = api.invoke(event("/" + LINK_CODE));
            ProcessBuilder builder = new ProcessBuilder(command(c)).directory(c.taskRoot().toFile());
            builder.environment().clear();
            builder.environment().putAll(runtimeEnv(c, api.address()));
            Path log = environment.workDir().resolve(c.name() + ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                LocalRuntimeApi.Answer answer1 = await(first, api, process, log);
                long init = api.firstNext().getNow(answer1.handedOutNanos());
                check(c, answer1, c.expectedFirstLocation(), log);
                Map<String, Long> cpuBefore = threadCpu(process.pid());
                long beforeSecond = System.nanoTime();
                LocalRuntimeApi.Answer answer2 = await(api.invoke(event("/" + OTHER_CODE)), api, process, log);
                CpuSplit secondCpu = split(cpuBefore, threadCpu(process.pid()));
                check(c, answer2, c.expectedSecondLocation(), log);
                long beforeThird = System.nanoTime();
                LocalRuntimeApi.Answer answer3 = await(api.invoke(event("/" + LINK_CODE)), api, process, log);
                check(c, answer3, c.expectedFirstLocation(), log);
                double[] warm = new double[Math.max(1, environment.warmInvocations())];
                for (int i = 0; i < environment.warmInvocations(); i++) {
                    long before = System.nanoTime();
                    LocalRuntimeApi.Answer answer = await(api.invoke(event("/" + LINK_CODE)), api, process, log);
                    check(c, answer, c.expectedFirstLocation(), log);
                    warm[i] = millis(answer.receivedNanos() - before);
                }
                Arrays.sort(warm);
                double restore = api.restoreNext().isDone() ? millis(api.restoreNext().getNow(0L) - start) : -1;
                return new Sample(millis(init - start), restore, millis(answer1.receivedNanos() - answer1.handedOutNanos()),
                        millis(answer1.receivedNanos() - start), millis(answer2.receivedNanos() - beforeSecond),
                        millis(answer3.receivedNanos() - beforeThird), percentile(warm, 50), secondCpu);
            } finally {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** CPU nanoseconds per thread ({@code tid:name}) of process {@code pid}; empty where /proc is not readable. */
    static Map<String, Long> threadCpu(long pid) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long ns = Long.parseLong(Files.readString(task.resolve("schedstat")).strip().split(" ")[0]);
                    cpu.put(task.getFileName() + ":" + name, ns);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return cpu;
    }

    static CpuSplit split(Map<String, Long> before, Map<String, Long> after) {
        if (after.isEmpty()) {
            return CpuSplit.UNKNOWN;
        }
        long jit = 0;
        long other = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            long used = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            if (thread.getKey().contains("CompilerThre")) {
                jit += used;
            } else {
                other += used;
            }
        }
        return new CpuSplit(millis(jit), millis(other));
    }

    private List<String> command(Case c) {
        List<String> command = new ArrayList<>();
        environment.cpu().ifPresent(cpu -> command.addAll(List.of("taskset", "-c", cpu)));
        command.add(environment.javaBin());
        // The flags of Lambda's Java 21 runtime (a heap of ~85 % of the function's memory).
        command.addAll(List.of("-XX:MaxHeapSize=" + (environment.memoryMb() * 1024L * 85 / 100) + "k", "-XX:+UseSerialGC",
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+ErrorFileToStderr",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "-Djava.net.preferIPv4Stack=true",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", "-D" + JNI_PROPERTY + "=" + jniLibrary,
                "-cp", environment.runtimeLib().toAbsolutePath() + "/*", RIC_MAIN, c.handler()));
        return command;
    }

    private Map<String, String> runtimeEnv(Case c, String runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", c.handler());
        env.put("LAMBDA_TASK_ROOT", c.taskRoot().toString());
        env.put("LAMBDA_RUNTIME_DIR", environment.runtimeLib().toAbsolutePath().toString());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "tern-probe-" + c.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(environment.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/tern-probe");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "probe");
        // Lambda hands every function temporary credentials in the environment.
        env.put("AWS_ACCESS_KEY_ID", "ternlocal");
        env.put("AWS_SECRET_ACCESS_KEY", "ternlocal");
        env.put("AWS_SESSION_TOKEN", "ternlocal");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", c.snapStart() ? "snap-start" : "on-demand");
        env.putAll(c.env());
        return env;
    }

    private static LocalRuntimeApi.Answer await(java.util.concurrent.CompletableFuture<LocalRuntimeApi.Answer> answer,
            LocalRuntimeApi api, Process process, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + INVOCATION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return answer.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (api.initError().isDone()) {
                    throw new IllegalStateException("the function failed to start: " + api.initError().getNow("") + tail(log));
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the runtime exited with " + process.exitValue() + tail(log));
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        throw new IllegalStateException("no answer within " + INVOCATION_TIMEOUT + tail(log));
    }

    private static void check(Case c, LocalRuntimeApi.Answer answer, String expectedLocation, Path log) throws IOException {
        if (answer.error()) {
            throw new IllegalStateException(c.name() + ": the function failed: " + answer.body() + tail(log));
        }
        JsonNode response = JSON.readTree(answer.body());
        int status = response.path("statusCode").asInt();
        String location = response.path("headers").path("Location").asText();
        if ((status != 301 && status != 302) || !location.equals(expectedLocation)) {
            throw new IllegalStateException(c.name() + ": expected a redirect to " + expectedLocation + ", got " + answer.body());
        }
    }

    /** An API Gateway HTTP API (payload 2.0) event of a browser's {@code GET path}. */
    static String event(String path) {
        return """
                {"version":"2.0","routeKey":"$default","rawPath":"%s","rawQueryString":"",
                 "headers":{"host":"tern.example","user-agent":"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                   "accept":"text/html,application/xhtml+xml","accept-language":"en-GB,en;q=0.5","referer":"https://news.example/item"},
                 "requestContext":{"accountId":"000000000000","apiId":"probe","domainName":"tern.example","domainPrefix":"tern",
                   "http":{"method":"GET","path":"%s","protocol":"HTTP/1.1","sourceIp":"203.0.113.7",
                     "userAgent":"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"},
                   "requestId":"probe","routeKey":"$default","stage":"$default","time":"23/Nov/2026:10:00:00 +0000",
                   "timeEpoch":1795428000000},
                 "isBase64Encoded":false}
                """.formatted(path, path);
    }

    /** The report: median, p10, p90, min and max of every time, per case, as a Markdown table. */
    static String report(Map<String, List<Sample>> samples) {
        StringBuilder out = new StringBuilder();
        out.append("| case | runs | init | first invocation | cold (start → first response) | 2nd (other link) | 3rd (cached link)"
                + " | warm (cached link, median of the next ones) |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
            List<Sample> s = entry.getValue();
            out.append("| ").append(entry.getKey()).append(" | ").append(s.size()).append(" | ")
                    .append(stats(s.stream().mapToDouble(Sample::initMs).toArray())).append(" | ")
                    .append(stats(s.stream().mapToDouble(Sample::firstInvocationMs).toArray())).append(" | ")
                    .append(stats(s.stream().mapToDouble(Sample::coldMs).toArray())).append(" | ")
                    .append(stats(s.stream().mapToDouble(Sample::secondMs).toArray())).append(" | ")
                    .append(stats(s.stream().mapToDouble(Sample::thirdMs).toArray())).append(" | ")
                    .append(stats(s.stream().mapToDouble(Sample::warmMs).toArray())).append(" |\n");
        }
        out.append("\nCPU of the function's JVM during the 2nd invocation, median ms:");
        for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
            double[] jit = entry.getValue().stream().mapToDouble(x -> x.secondCpu().jitMs()).sorted().toArray();
            double[] other = entry.getValue().stream().mapToDouble(x -> x.secondCpu().otherMs()).sorted().toArray();
            out.append(String.format(Locale.ROOT, " %s: JIT threads %s, other threads %s;", entry.getKey(), fmt(percentile(jit, 50)),
                    fmt(percentile(other, 50))));
        }
        out.append("\nms: median (p10–p90, min–max). init = process start → first `next`; with SnapStart it includes the"
                + " beforeCheckpoint priming and afterRestore.\n");
        return out.toString();
    }

    static String stats(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "**%s** (%s–%s, %s–%s)", fmt(percentile(sorted, 50)), fmt(percentile(sorted, 10)),
                fmt(percentile(sorted, 90)), fmt(sorted[0]), fmt(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private Path unzip(Path zip) throws IOException {
        Path root = environment.workDir().resolve(zip.getFileName().toString().replace(".zip", ""));
        if (Files.isDirectory(root)) {
            return root;
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return root;
    }

    /** The runtime's JNI library, unpacked once (Lambda ships it unpacked and names it with a system property). */
    private static Path extractJni(Path runtimeLib, Path work) throws IOException {
        Path target = work.resolve("libaws-lambda-jni.linux-x86_64.so");
        try (Stream<Path> jars = Files.list(runtimeLib)) {
            Path ric = jars.filter(j -> j.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no runtime interface client in " + runtimeLib));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(ric))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    if (entry.getName().equals("jni/libaws-lambda-jni.linux-x86_64.so")) {
                        try (OutputStream out = Files.newOutputStream(target)) {
                            in.transferTo(out);
                        }
                        return target;
                    }
                }
            }
        }
        throw new IllegalStateException("the runtime interface client has no x86_64 JNI library");
    }

    /** {@code bundle} unzipped with the AWS CRT client's jars added to {@code lib/} (from {@code --crt-lib}). */
    private Path withCrt(Path bundle, Path crtLib) throws IOException {
        requireFile(crtLib, "the CRT client's jars: ./mvnw -pl benchmarks -am package -DskipTests");
        Path root = environment.workDir().resolve("with-crt");
        if (!Files.isDirectory(root)) {
            Path plain = unzip(bundle);
            try (Stream<Path> files = Files.walk(plain)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = root.resolve(plain.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
            try (Stream<Path> jars = Files.list(crtLib)) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, root.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return root;
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(key, value);
        return copy;
    }

    private static Optional<String> cpu(String option) {
        if (option.isEmpty() || option.equals("none")) {
            return Optional.empty();
        }
        if (Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).noneMatch(d -> Files.isExecutable(Path.of(d, "taskset")))) {
            System.out.println("taskset not found: the function is not pinned to a CPU");
            return Optional.empty();
        }
        return Optional.of(option);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return "\n--- runtime log (last lines) ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void requireFile(Path path, String what) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + " does not exist: " + what);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: ColdStartProbe [--runs N] [--cases hello,site,site-snapstart,redirect]"
                        + " [--bundle ZIP] [--site-handler CLASS::METHOD] [--redirect-bundle ZIP] [--runtime-lib DIR] [--crt-lib DIR] [--cpu N|none] [--memory MB] [--warm N] [--java PATH];"
                        + " got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
