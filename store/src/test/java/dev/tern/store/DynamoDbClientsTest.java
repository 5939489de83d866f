package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbClientsTest {

    @Test
    void attemptTimeout_isHalfTheCallTimeoutButAtLeast300Millis() {
        assertThat(DynamoDbClients.attemptTimeout(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(DynamoDbClients.attemptTimeout(Duration.ofMillis(400))).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void create_buildsAClientWithAndWithoutAnEndpointOverride_withoutCallingAws() {
        TableNames tables = TableNames.withPrefix("t-");
        try (DynamoDbClient local = DynamoDbClients.create(StoreSettings.forEndpoint(URI.create("http://127.0.0.1:9"), tables), List.of());
                DynamoDbClient aws = DynamoDbClients.create(
                        new StoreSettings(tables, Optional.empty(), "eu-west-1", Duration.ofSeconds(2)), List.of())) {
            assertThat(local.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:9"));
            assertThat(aws.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        }
    }
}
