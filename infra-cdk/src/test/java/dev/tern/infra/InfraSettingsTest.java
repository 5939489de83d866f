package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfraSettingsTest {

    private static InfraSettings read(Map<String, Object> context) {
        return InfraSettings.fromContext(context::get);
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> context = TestApps.context();
        if (value == null) {
            context.remove(key);
        } else {
            context.put(key, value);
        }
        return context;
    }

    private static void assertRefused(Map<String, Object> context, String message) {
        assertThatThrownBy(() -> read(context)).isInstanceOf(InfraSettingsException.class).hasMessage(message);
    }

    @Test
    void fromContext_validContext_hasDefaults() {
        InfraSettings settings = read(TestApps.context());

        assertThat(settings.domainName()).isEqualTo("links.example.com");
        assertThat(settings.hostedZoneName()).isEqualTo("links.example.com");
        assertThat(settings.regions()).containsExactly("us-east-1", "us-east-2", "us-west-2");
        assertThat(settings.linksConsistency()).isEqualTo(InfraSettings.LinksConsistency.MRSC);
        assertThat(settings.homeRegion()).isEqualTo("us-east-1");
        assertThat(settings.redirectStatus()).isEqualTo(301);
        assertThat(settings.redirectCacheSeconds()).isEqualTo(300);
        assertThat(settings.memory()).isEqualTo(new InfraSettings.MemorySizes(1024, 1024, 512));
        assertThat(settings.architecture()).isEqualTo(InfraSettings.CpuArchitecture.ARM64);
        assertThat(settings.logRetentionDays()).isEqualTo(30);
        assertThat(settings.tablePrefix()).isEqualTo("tern-");
        assertThat(settings.regionalHost("us-east-2")).isEqualTo("us-east-2.links.example.com");
    }

    @Test
    void fromContext_toContext_readsBackEqual() {
        Map<String, Object> context = with("tern:linksConsistency", "mrec");
        context.put("tern:homeRegion", "us-west-2");
        InfraSettings settings = read(context);

        assertThat(InfraSettings.fromContext(settings.toContext()::get)).isEqualTo(settings);
    }

    @Test
    void fromContext_regionsAsJsonList_areRead() {
        InfraSettings settings = read(with("tern:regions", List.of("eu-west-1", "eu-central-1", "eu-west-3")));

        assertThat(settings.regions()).containsExactly("eu-west-1", "eu-central-1", "eu-west-3");
    }

    @Test
    void fromContext_mrecWithHomeRegion_isAccepted() {
        Map<String, Object> context = with("tern:regions", "eu-west-1,us-east-1,ap-southeast-2");
        context.put("tern:linksConsistency", "MREC");
        context.put("tern:homeRegion", "us-east-1");

        InfraSettings settings = read(context);

        assertThat(settings.linksConsistency()).isEqualTo(InfraSettings.LinksConsistency.MREC);
        assertThat(settings.homeRegion()).isEqualTo("us-east-1");
    }

    @Test
    void fromContext_missingDomain_namesTheKey() {
        assertRefused(with("tern:domainName", null),
                "tern:domainName is missing: set it in cdk.json's context or with -c tern:domainName=…");
    }

    @Test
    void fromContext_badDomain_isRefused() {
        assertRefused(with("tern:domainName", "https://x.example"),
                "tern:domainName = 'https://x.example' is not usable: a DNS host name such as tern.example");
    }

    @Test
    void fromContext_badZoneId_isRefused() {
        assertRefused(with("tern:hostedZoneId", "example.com"), "tern:hostedZoneId = 'example.com' is not usable:"
                + " a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ (see: aws route53 list-hosted-zones)");
    }

    @Test
    void fromContext_zoneNameNotAParent_isRefused() {
        assertRefused(with("tern:hostedZoneName", "other.org"),
                "tern:hostedZoneName = 'other.org' is not usable: the hosted zone's name: links.example.com or a parent"
                        + " domain of it");
    }

    @Test
    void fromContext_noRegions_isRefused() {
        assertRefused(with("tern:regions", null), "tern:regions is missing: set it in cdk.json's context or with"
                + " -c tern:regions=us-east-1,us-east-2,us-west-2");
    }

    @Test
    void fromContext_badRegionName_isRefused() {
        assertRefused(with("tern:regions", "us-east-1,Virginia,us-west-2"), "tern:regions = 'us-east-1,Virginia,us-west-2'"
                + " is not usable: AWS region names separated by commas, such as us-east-1,us-east-2,us-west-2"
                + " ('virginia' is not one)");
    }

    @Test
    void fromContext_repeatedRegion_isRefused() {
        assertRefused(with("tern:regions", "us-east-1,us-east-1,us-west-2"), "tern:regions = 'us-east-1,us-east-1,us-west-2'"
                + " is not usable: each region once ('us-east-1' is repeated)");
    }

    @Test
    void fromContext_mrscWithTwoRegions_isRefused() {
        assertRefused(with("tern:regions", "us-east-1,us-west-2"), "tern:regions = 'us-east-1,us-west-2' is not usable:"
                + " exactly three regions for linksConsistency mrsc (DynamoDB's multi-Region strong consistency);"
                + " use linksConsistency mrec with a homeRegion for 2");
    }

    @Test
    void fromContext_mrscAcrossRegionSets_isRefused() {
        assertRefused(with("tern:regions", "us-east-1,eu-west-1,us-west-2"), "tern:regions = 'us-east-1,eu-west-1,us-west-2'"
                + " is not usable: three regions of one region set for linksConsistency mrsc: US (us-east-1, us-east-2,"
                + " us-west-2), EU (eu-west-1, eu-west-2, eu-west-3, eu-central-1) or AP (ap-northeast-1, ap-northeast-2,"
                + " ap-northeast-3)");
    }

    @Test
    void fromContext_unknownConsistency_isRefused() {
        assertRefused(with("tern:linksConsistency", "strong"), "tern:linksConsistency = 'strong' is not usable: mrsc"
                + " (strong consistency, exactly three regions) or mrec (eventual consistency with a home write region)");
    }

    @Test
    void fromContext_mrecWithoutHomeRegion_isRefused() {
        Map<String, Object> context = with("tern:linksConsistency", "mrec");

        assertRefused(context, "tern:homeRegion = '' is not usable: one of the regions (us-east-1, us-east-2, us-west-2):"
                + " linksConsistency mrec sends every link write there");
    }

    @Test
    void fromContext_homeRegionOutsideRegions_isRefused() {
        Map<String, Object> context = with("tern:linksConsistency", "mrec");
        context.put("tern:homeRegion", "eu-west-1");

        assertRefused(context, "tern:homeRegion = 'eu-west-1' is not usable: one of the regions (us-east-1, us-east-2,"
                + " us-west-2)");
    }

    @Test
    void fromContext_linksWriteRegion_defaultsToTheHomeRegionAndMayMoveUnderMrec() {
        Map<String, Object> context = with("tern:linksConsistency", "mrec");
        context.put("tern:homeRegion", "us-east-2");

        assertThat(read(context).linksWriteRegion()).isEqualTo("us-east-2");
        context.put("tern:linksWriteRegion", "us-west-2");
        assertThat(read(context).linksWriteRegion()).isEqualTo("us-west-2");
        assertThat(read(with("tern:regions", "us-east-1,us-east-2,us-west-2")).linksWriteRegion()).isEqualTo("us-east-1");
    }

    @Test
    void fromContext_linksWriteRegionOutsideRegionsOrUnderMrsc_isRefused() {
        Map<String, Object> mrec = with("tern:linksConsistency", "mrec");
        mrec.put("tern:homeRegion", "us-east-1");
        mrec.put("tern:linksWriteRegion", "eu-west-1");
        assertRefused(mrec, "tern:linksWriteRegion = 'eu-west-1' is not usable: one of the regions (us-east-1, us-east-2,"
                + " us-west-2)");

        assertRefused(with("tern:linksWriteRegion", "us-west-2"), "tern:linksWriteRegion = 'us-west-2' is not usable: empty"
                + " for linksConsistency mrsc, where every region writes its own strongly consistent replica");
    }

    @Test
    void fromContext_unsupportedRedirectStatus_isRefused() {
        assertRefused(with("tern:redirectStatus", 303), "tern:redirectStatus = '303' is not usable: 301, 302, 307 or 308");
    }

    @Test
    void fromContext_redirectStatusNotANumber_isRefused() {
        assertRefused(with("tern:redirectStatus", "permanent"),
                "tern:redirectStatus = 'permanent' is not usable: a whole number from 301 to 308");
    }

    @Test
    void fromContext_negativeCacheSeconds_isRefused() {
        assertRefused(with("tern:redirectCacheSeconds", -1),
                "tern:redirectCacheSeconds = '-1' is not usable: a whole number from 0 to 31536000");
    }

    @Test
    void fromContext_missingAlarmEmail_isRefused() {
        assertRefused(with("tern:alarmEmail", null),
                "tern:alarmEmail is missing: set it in cdk.json's context or with -c tern:alarmEmail=…");
    }

    @Test
    void fromContext_badAlarmEmail_isRefused() {
        assertRefused(with("tern:alarmEmail", "ops"),
                "tern:alarmEmail = 'ops' is not usable: an e-mail address such as ops@example.com");
    }

    @Test
    void fromContext_memoryOutOfRange_isRefused() {
        assertRefused(with("tern:siteMemoryMb", 64),
                "tern:siteMemoryMb = '64' is not usable: a whole number from 128 to 10240");
        assertRefused(with("tern:apiMemoryMb", 20000),
                "tern:apiMemoryMb = '20000' is not usable: a whole number from 128 to 10240");
        assertRefused(with("tern:aggregationMemoryMb", "lots"),
                "tern:aggregationMemoryMb = 'lots' is not usable: a whole number from 128 to 10240");
    }

    @Test
    void fromContext_unknownArchitecture_isRefused() {
        assertRefused(with("tern:architecture", "riscv"), "tern:architecture = 'riscv' is not usable: arm64 or x86_64");
    }

    @Test
    void fromContext_retentionCloudWatchDoesNotOffer_isRefused() {
        assertRefused(with("tern:logRetentionDays", 10), "tern:logRetentionDays = '10' is not usable: a CloudWatch Logs"
                + " retention of at least 7 days (clicks are replayed from the logs): one of [7, 14, 30, 60, 90, 120, 150,"
                + " 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]");
    }

    @Test
    void fromContext_badTablePrefix_isRefused() {
        assertRefused(with("tern:tablePrefix", "tern links/"),
                "tern:tablePrefix = 'tern links/' is not usable: up to 200 characters of A-Z, a-z, 0-9, '_', '-' and '.'");
    }

    @Test
    void fromContext_secretsGenerationNotPositive_isRefused() {
        assertRefused(with("tern:secretsGeneration", 0),
                "tern:secretsGeneration = '0' is not usable: a whole number from 1 to 1000000");
    }

    @Test
    void fromContext_badAccount_isRefused() {
        assertRefused(with("tern:account", "12345"),
                "tern:account = '12345' is not usable: a 12-digit AWS account id, or empty for the CLI's account");
    }
}
