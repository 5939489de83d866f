package dev.tern.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The cold-start probe's floor: a redirect with the same event types as Tern's handlers and no work
 * at all, so its cold start is the JVM, the runtime interface client and the event (de)serialisation.
 * The probe packs this class alone into a jar beside the Lambda events library.
 */
public final class HelloWorldHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(301)
                .withHeaders(Map.of("Location", "https://example.com/hello" + event.getRawPath()))
                .withBody("")
                .build();
    }
}
