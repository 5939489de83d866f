package dev.tern.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.error.TernException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.LinkService;
import dev.tern.core.link.NewLinkRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of {@code POST /api/v1/links:bulk}, {@code {"links": [{"url", "code"?, "title"?, "expiresAt"?}, ...]}}
 * with 1 to {@value LinkService#MAX_BULK} items. A body that is not such an object is refused as a
 * whole; an item that is not a valid link object becomes that item's problem. With an
 * {@code Idempotency-Key} header {@code K}, item {@code i} is created with the key {@code K#i}.
 */
final class BulkLinkReader {
    private static final String EXAMPLE = "{\"links\":[{\"url\":\"https://example.com/\"}]}";

    /** One item: its request, or why it is unusable. */
    record Item(int index, Optional<NewLinkRequest> request, Optional<TernException> error) {
    }

    private final ApiJson json;

    BulkLinkReader(ApiJson json) {
        this.json = json;
    }

    List<Item> read(HttpRequest request, Creator creator) {
        JsonNode body = new LinkRequestReader(json, EXAMPLE).readObject(request);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("links")) {
                throw InvalidRequestException.of("Unknown field \"" + Problems.shortened(name) + "\"; a bulk create has only \"links\"");
            }
        }
        JsonNode links = body.get("links");
        if (links == null || !links.isArray()) {
            throw InvalidRequestException.of("The field \"links\" must be an array of links such as " + EXAMPLE);
        }
        if (links.isEmpty() || links.size() > LinkService.MAX_BULK) {
            throw InvalidRequestException.of("A bulk create takes 1 to " + LinkService.MAX_BULK + " links, not " + links.size());
        }
        String key = request.header("idempotency-key");
        List<Item> items = new ArrayList<>(links.size());
        for (int i = 0; i < links.size(); i++) {
            JsonNode link = links.get(i);
            try {
                if (!link.isObject()) {
                    throw InvalidRequestException.of("Each link must be an object such as {\"url\":\"https://example.com/\"}, not "
                            + LinkRequestReader.describe(link.getNodeType()));
                }
                items.add(new Item(i, Optional.of(LinkRequestReader.fromJson(link, creator, key == null ? null : key + "#" + i)),
                        Optional.empty()));
            } catch (TernException e) {
                items.add(new Item(i, Optional.empty(), Optional.of(e)));
            }
        }
        return items;
    }
}
