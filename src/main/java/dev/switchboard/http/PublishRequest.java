package dev.switchboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.hub.ChatRules;
import dev.switchboard.hub.Events;

import java.io.IOException;

/**
 * The body of {@code POST /api/rooms/{room}/messages}: {@code {"from":NAME,"text":TEXT[,"id":ID]}}. The text's
 * length is the room's to judge, as for WebSocket messages; {@code id} makes a retry say nothing new.
 */
record PublishRequest(String from, String text, String id) {

    /**
     * @param defaultFrom the sender when the body names none (a token's subject), or null when it must name one
     * @throws IllegalArgumentException with a sentence for the 400 answer
     */
    static PublishRequest parse(byte[] body, String defaultFrom) {
        JsonNode json;
        try {
            json = Events.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalArgumentException("body cannot be read");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object {\"from\":NAME,\"text\":TEXT}");
        }
        JsonNode from = json.get("from");
        if (from == null && defaultFrom != null) {
            from = TextNode.valueOf(defaultFrom);
        }
        if (from == null || !from.isTextual() || !ChatRules.isValidName(from.asText())) {
            throw new IllegalArgumentException("from must be a name matching [A-Za-z0-9_-]{1,32}");
        }
        JsonNode text = json.get("text");
        if (text != null && !text.isTextual() && !text.isNull()) {
            throw new IllegalArgumentException("text must be a string");
        }
        JsonNode id = json.get("id");
        if (id != null && !id.isNull() && (!id.isTextual() || !ChatRules.isValidClientId(id.asText()))) {
            throw new IllegalArgumentException("id must match [A-Za-z0-9_-]{1,64}");
        }
        return new PublishRequest(from.asText(), text == null || text.isNull() ? null : text.asText(),
                id == null || id.isNull() ? null : id.asText());
    }
}
