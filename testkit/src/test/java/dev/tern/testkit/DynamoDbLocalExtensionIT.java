package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbLocalExtensionIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    @Test
    void endpoint_isALoopbackDynamoDbThatAnswers() {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(ddb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            assertThat(ddb.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(client.listTables().tableNames()).isNotNull();
        }
    }

    @Test
    void endpoint_isTheSameServerForEveryExtension() {
        assertThat(DynamoDbLocalExtension.inMemory().endpoint()).isEqualTo(ddb.endpoint());
    }

    @Test
    void tablePrefix_isNamedAfterTheTestClassAndUniquePerExtension() {
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            prefixes.add(DynamoDbLocalExtension.inMemory().tablePrefix());
        }

        assertThat(ddb.tablePrefix()).startsWith("tDynamoDbLocalExtensionIT-").matches("[A-Za-z0-9_.-]+");
        assertThat(prefixes).hasSize(50);
    }

    @Test
    void prefixFor_dropsCharactersTableNamesCannotHave() {
        assertThat(DynamoDbLocalExtension.prefixFor("Weird$Name Ü")).startsWith("tWeirdName-").matches("[A-Za-z0-9_.-]+");
    }
}
