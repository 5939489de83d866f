package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.click.Click;
import dev.tern.core.click.ClickBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Counts the clicks that a CloudWatch Logs subscription delivers from the redirect function's log
 * group (the {@link ClickLine}s written by {@link LogLineClickSink}).
 *
 * <p>A delivery is base64 of gzip of {@code {"messageType","logGroup","logStream","logEvents":[{"id","timestamp","message"}]}}.
 * Control messages are ignored. Lines that are not click lines are skipped; click lines that cannot
 * be read are counted and logged, never thrown (a retry would not make them readable and must not
 * hold up the batch). The clicks become one {@link ClickBatch} whose id is a digest of the log
 * group, stream and event ids, so a delivery that Lambda retries, or that CloudWatch sends twice,
 * is counted once.
 *
 * <p>A store failure (throttling, a timeout) is thrown, so that Lambda retries the delivery; links
 * that were already counted are skipped on the retry.
 */
public final class ClickAggregationHandler implements RequestHandler<CloudWatchLogsEvent, Void> {
    /** A decompressed delivery larger than this is refused (CloudWatch's are at most about 1 MiB). */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
    static final String BATCH_PREFIX = "cwl-";

    private final Wiring wiring;

    /** The Lambda entry point: the container's shared {@link Wiring#fromEnv()}. */
    public ClickAggregationHandler() {
        this(Wiring.fromEnv());
    }

    public ClickAggregationHandler(Wiring wiring) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
    }

    @Override
    public Void handleRequest(CloudWatchLogsEvent event, Context context) {
        aggregate(event);
        return null;
    }

    /**
     * What one delivery gave.
     *
     * @param batchId   the batch id, or empty when there was nothing to count
     * @param clicks    click lines counted
     * @param malformed click lines that could not be read
     * @param skipped   other lines
     */
    record Outcome(String batchId, int clicks, int malformed, int skipped) {
        static final Outcome NOTHING = new Outcome("", 0, 0, 0);
    }

    Outcome aggregate(CloudWatchLogsEvent event) {
        String data = event == null || event.getAwsLogs() == null ? null : event.getAwsLogs().getData();
        if (data == null || data.isEmpty()) {
            wiring.log().warnBatch("aggregate", null, 0, "a delivery without awslogs.data was ignored");
            return Outcome.NOTHING;
        }
        JsonNode delivery;
        try {
            delivery = wiring.apiJson().read(decode(data));
        } catch (IOException | IllegalArgumentException e) {
            wiring.log().warnBatch("aggregate", null, 0, "a delivery that is not base64 gzip JSON was ignored: " + e.getMessage());
            return Outcome.NOTHING;
        }
        if ("CONTROL_MESSAGE".equals(delivery.path("messageType").asText())) {
            return Outcome.NOTHING;
        }
        JsonNode logEvents = delivery.path("logEvents");
        if (!logEvents.isArray()) {
            wiring.log().warnBatch("aggregate", null, 0, "a delivery without logEvents was ignored");
            return Outcome.NOTHING;
        }
        List<Click> clicks = new ArrayList<>(logEvents.size());
        List<String> eventIds = new ArrayList<>(logEvents.size());
        int malformed = 0;
        int skipped = 0;
        String firstProblem = null;
        for (JsonNode logEvent : logEvents) {
            eventIds.add(logEvent.path("id").asText());
            switch (ClickLine.parse(logEvent.path("message").asText(null))) {
                case ClickLine.Parsed.Read read -> clicks.add(read.click());
                case ClickLine.Parsed.NotAClick notAClick -> skipped++;
                case ClickLine.Parsed.Malformed bad -> {
                    malformed++;
                    if (firstProblem == null) {
                        firstProblem = bad.reason();
                    }
                }
            }
        }
        String batchId = batchId(delivery.path("logGroup").asText(), delivery.path("logStream").asText(), eventIds);
        if (malformed > 0) {
            wiring.log().warnBatch("aggregate", batchId, malformed, "click lines that could not be read were not counted; first: "
                    + firstProblem);
        }
        if (!clicks.isEmpty()) {
            wiring.clickAggregator().aggregate(new ClickBatch(batchId, clicks));
        }
        return new Outcome(batchId, clicks.size(), malformed, skipped);
    }

    /** {@value #BATCH_PREFIX} plus the hex SHA-256 of the log group, stream and event ids: the same for the same delivery. */
    static String batchId(String logGroup, String logStream, List<String> eventIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(logGroup.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(logStream.getBytes(StandardCharsets.UTF_8));
            for (String id : eventIds) {
                sha.update((byte) '\n');
                sha.update(id.getBytes(StandardCharsets.UTF_8));
            }
            return BATCH_PREFIX + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Base64, then gunzip (a payload that is not gzip is taken as it is), at most {@value #MAX_PAYLOAD_BYTES} bytes. */
    static byte[] decode(String data) throws IOException {
        byte[] raw = Base64.getMimeDecoder().decode(data);
        if (raw.length < 2 || (raw[0] & 0xFF) != 0x1F || (raw[1] & 0xFF) != 0x8B) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 8);
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_PAYLOAD_BYTES) {
                    throw new IOException("the delivery unpacks to more than " + MAX_PAYLOAD_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
