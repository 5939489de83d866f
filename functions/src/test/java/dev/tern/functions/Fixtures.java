package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Lambda events from the JSON fixtures in {@code src/test/resources/events/}, read the way the Lambda
 * runtime reads them (property names ignoring case: the runtime's {@code awslogs} is the POJO's
 * {@code awsLogs}), and CloudWatch Logs deliveries built like the real ones (gzip, then base64).
 */
final class Fixtures {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private Fixtures() {
    }

    static APIGatewayV2HTTPEvent httpEvent(String name) {
        return read(name, APIGatewayV2HTTPEvent.class);
    }

    static CloudWatchLogsEvent logsEvent(String name) {
        return read(name, CloudWatchLogsEvent.class);
    }

    static <T> T read(String name, Class<T> type) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + name);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A log event for {@link #delivery}. */
    record LogEvent(String id, long timestamp, String message) {
    }

    /** A CloudWatch Logs subscription delivery of {@code events}, gzipped and base64-encoded like the real one. */
    static CloudWatchLogsEvent delivery(String logGroup, String logStream, List<LogEvent> events) {
        ObjectNode payload = JSON.createObjectNode()
                .put("messageType", "DATA_MESSAGE")
                .put("owner", "123456789012")
                .put("logGroup", logGroup)
                .put("logStream", logStream);
        payload.putArray("subscriptionFilters").add("tern-clicks");
        ArrayNode array = payload.putArray("logEvents");
        for (LogEvent event : events) {
            array.addObject().put("id", event.id()).put("timestamp", event.timestamp()).put("message", event.message());
        }
        return deliveryOf(payload.toString());
    }

    /** A delivery whose decoded payload is {@code json}. */
    static CloudWatchLogsEvent deliveryOf(String json) {
        return deliveryOfBytes(gzip(json.getBytes(StandardCharsets.UTF_8)));
    }

    static CloudWatchLogsEvent deliveryOfBytes(byte[] payload) {
        CloudWatchLogsEvent event = new CloudWatchLogsEvent();
        event.setAwsLogs(new CloudWatchLogsEvent.AWSLogs().withData(Base64.getEncoder().encodeToString(payload)));
        return event;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
