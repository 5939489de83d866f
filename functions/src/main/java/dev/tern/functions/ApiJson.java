package dev.tern.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON mapper of the REST API and the click aggregator: strict on input (no duplicate fields,
 * nothing after the value), tree-based so that every field is checked by hand and a bad one can be
 * named. Built once per container, and only by the functions that need it.
 */
final class ApiJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Parses one JSON value; a missing value (only whitespace) reads as a missing node. */
    JsonNode read(byte[] json) throws IOException {
        return mapper.readTree(json);
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }
}
