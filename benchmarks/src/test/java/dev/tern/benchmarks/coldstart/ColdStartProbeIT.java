package dev.tern.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.dynamodblocal.EmbeddedDynamoDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cold start of the site function's real zip through the real runtime interface client, against
 * the probe's Runtime API and DynamoDB Local: the probe itself works and the function answers the
 * redirects it should. Behaviour only; the timings are the benchmark's business.
 */
class ColdStartProbeIT {
    private static final Path BUNDLE = Path.of("../infra-cdk/lambda-bundle/target/tern-lambda.zip");
    private static final Path REDIRECT_BUNDLE = Path.of("../infra-cdk/lambda-bundle/target/tern-redirect.zip");
    private static final Path RUNTIME_LIB = Path.of("target/lambda-runtime");
    private static EmbeddedDynamoDb dynamoDb;

    @BeforeAll
    static void startDynamoDb() {
        dynamoDb = EmbeddedDynamoDb.startInMemory();
        ColdStartProbe.seed(dynamoDb);
    }

    @AfterAll
    static void stopDynamoDb() {
        dynamoDb.close();
    }

    @Test
    void siteFunction_coldStart_redirectsTheSeededLinksThroughTheRuntimeClient(@TempDir Path work) throws Exception {
        assertThat(BUNDLE).as("the Lambda zip, built by infra-cdk/lambda-bundle before this module").exists();
        ColdStartProbe probe = new ColdStartProbe(new ColdStartProbe.Environment(RUNTIME_LIB, work, Optional.empty(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), 1024, 1));

        // run() checks every answer (status and Location of both links) and throws on a wrong one.
        ColdStartProbe.Sample sample = probe.run(probe.functionCase("site", BUNDLE, ColdStartProbe.HANDLER_SITE,
                ColdStartProbe.functionEnv(dynamoDb), false));

        assertThat(sample.coldMs()).isGreaterThanOrEqualTo(sample.initMs());
        assertThat(Files.readString(work.resolve("site.log"))).contains("\"type\":\"tern.click\"");
    }

    @Test
    void redirectZip_coldStart_holdsEverythingTheRedirectLoads(@TempDir Path work) throws Exception {
        assertThat(REDIRECT_BUNDLE).as("the redirect function's zip, built by infra-cdk/lambda-bundle").exists();
        ColdStartProbe probe = new ColdStartProbe(new ColdStartProbe.Environment(RUNTIME_LIB, work, Optional.empty(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), 1024, 1));

        ColdStartProbe.Sample sample = probe.run(probe.functionCase("redirect", REDIRECT_BUNDLE, ColdStartProbe.HANDLER_REDIRECT,
                ColdStartProbe.functionEnv(dynamoDb), false));

        assertThat(sample.coldMs()).isGreaterThanOrEqualTo(sample.initMs());
        assertThat(Files.readString(work.resolve("redirect.log"))).doesNotContain("ClassNotFoundException", "NoClassDefFoundError");
    }
}
