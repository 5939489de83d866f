package dev.tern.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.apiclient.api.KeysApi;
import dev.tern.apiclient.api.LinksApi;
import dev.tern.apiclient.model.ApiKey;
import dev.tern.apiclient.model.IssuedApiKey;
import dev.tern.apiclient.model.Link;
import dev.tern.apiclient.model.LinkDetails;
import dev.tern.apiclient.model.LinkPatch;
import dev.tern.apiclient.model.NewApiKey;
import dev.tern.apiclient.model.NewLink;
import dev.tern.apiclient.model.Scope;
import dev.tern.local.LocalOptions;
import dev.tern.local.LocalPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client generated from openapi.json, against the real handlers on the local platform. */
class ApiClientIT {
    private static LocalPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = LocalPlatform.start(LocalOptions.inMemoryOnFreePort(), Map.of());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(platform.baseUri().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }

    @Test
    void createReadChangeALink_andManageKeys_throughTheGeneratedClient() throws Exception {
        LinksApi links = new LinksApi(client(platform.adminKey()));

        Link created = links.createLink(new NewLink().url("https://example.com/generated").code("gen").title("Generated"), "idem-1");
        Link replayed = links.createLink(new NewLink().url("https://example.com/generated").code("gen").title("Generated"), "idem-1");
        LinkDetails read = links.getLink("gen");
        Link disabled = links.updateLink("gen", new LinkPatch().disabled(true));

        assertThat(created.getCode()).isEqualTo("gen");
        assertThat(created.getShortUrl()).hasToString(platform.publicBaseUrl() + "/gen");
        assertThat(replayed.getCreatedAt()).isEqualTo(created.getCreatedAt());
        assertThat(read.getTitle()).isEqualTo("Generated");
        assertThat(read.getClicks()).isZero();
        assertThat(disabled.getStatus()).isEqualTo(Link.StatusEnum.DISABLED);

        KeysApi keys = new KeysApi(client(platform.adminKey()));
        IssuedApiKey reader = keys.createApiKey(new NewApiKey().name("reader").scopes(List.of(Scope.LINKS_READ)), "reader-key-1");
        assertThat(new LinksApi(client(reader.getKey())).getLink("gen").getCode()).isEqualTo("gen");
        assertThat(keys.listApiKeys().getKeys()).extracting(ApiKey::getName).contains("reader");
        assertThat(keys.revokeApiKey(reader.getId()).getStatus()).isEqualTo(ApiKey.StatusEnum.REVOKED);
    }

    @Test
    void problems_reachTheClient_asApiExceptionsWithProblemBodies() throws Exception {
        LinksApi links = new LinksApi(client(platform.adminKey()));
        links.createLink(new NewLink().url("https://example.com/taken").code("taken"), null);

        assertThatThrownBy(() -> links.createLink(new NewLink().url("https://example.com/other").code("taken"), null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(problemCode(e)).isEqualTo("code-taken");
                });
        assertThatThrownBy(() -> new LinksApi(client("tern_nope")).getLink("taken"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(problemCode(e)).isEqualTo("unauthorized");
                });
    }

    private static String problemCode(ApiException e) {
        try {
            JsonNode problem = new ObjectMapper().readTree(e.getResponseBody());
            return problem.path("code").asText();
        } catch (Exception parse) {
            throw new AssertionError("not a problem body: " + e.getResponseBody(), parse);
        }
    }
}
