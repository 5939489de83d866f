package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.tern.core.link.Creator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Decides who is calling the REST API. The seam where API keys will plug in: an implementation
 * either returns the request's {@link Creator} or throws a {@link dev.tern.core.error.TernException}
 * that the API maps to a problem response.
 */
@FunctionalInterface
public interface Authenticator {

    /** The creator behind {@code request}. */
    Creator creatorOf(APIGatewayV2HTTPEvent request);

    /**
     * Everyone is anonymous: the creator is {@code anon:} plus the first 16 hex digits of the SHA-256
     * of the source address API Gateway saw (client headers such as {@code X-Forwarded-For} are not
     * trusted). The raw address is never stored. Without a source address the creator is
     * {@link Creator#UNKNOWN}.
     */
    static Authenticator anonymous() {
        return request -> {
            APIGatewayV2HTTPEvent.RequestContext context = request == null ? null : request.getRequestContext();
            String ip = context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
            if (ip == null || ip.isBlank()) {
                return Creator.UNKNOWN;
            }
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(ip.strip().getBytes(StandardCharsets.UTF_8));
                return Creator.anonymous(HexFormat.of().formatHex(digest, 0, 8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java platform", e);
            }
        };
    }
}
