package dev.switchboard.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.hub.ChatRules;
import dev.switchboard.hub.Events;
import dev.switchboard.hub.InvalidMessageException;
import dev.switchboard.hub.Problem;

/**
 * A command a chat client sends: {@code {"type":"say","text":T[,"id":ID]}}, or {@code {"type":"refresh","token":T}}
 * with a new token for the connection.
 *
 * @param text  what to say; its length and emptiness are checked by the room; null for a refresh
 * @param id    the client's id for this message, so that a resend after a reconnect says nothing new; or null
 * @param token the new token of a refresh; null for a say
 */
record ChatCommand(String text, String id, String token) {

    boolean isRefresh() {
        return token != null;
    }

    /**
     * Parses one text frame.
     *
     * @throws InvalidMessageException with {@code invalid-json} or {@code unknown-type} when it is not a command
     */
    static ChatCommand parse(String frame) {
        JsonNode node;
        try {
            node = Events.JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException(new Problem("invalid-json", "message is not valid JSON"));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException(new Problem("invalid-json", "message must be a JSON object"));
        }
        JsonNode type = node.get("type");
        if (type != null && "refresh".equals(type.asText())) {
            JsonNode token = node.get("token");
            if (token == null || !token.isTextual() || token.asText().isEmpty()) {
                throw new InvalidMessageException(new Problem("invalid-token", "refresh needs a token"));
            }
            return new ChatCommand(null, null, token.asText());
        }
        if (type == null || !type.isTextual() || !"say".equals(type.asText())) {
            throw new InvalidMessageException(new Problem("unknown-type",
                    "type must be \"say\" or \"refresh\"" + (type == null ? "" : ", got " + type)));
        }
        JsonNode text = node.get("text");
        if (text != null && !text.isTextual() && !text.isNull()) {
            throw new InvalidMessageException(new Problem("invalid-text", "text must be a string"));
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isNull() && (!id.isTextual() || !ChatRules.isValidClientId(id.asText()))) {
            throw new InvalidMessageException(new Problem("invalid-id", "id must match [A-Za-z0-9_-]{1,64}"));
        }
        return new ChatCommand(text == null || text.isNull() ? null : text.asText(),
                id == null || id.isNull() ? null : id.asText(), null);
    }
}
