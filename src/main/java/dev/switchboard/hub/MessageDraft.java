package dev.switchboard.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A message on its way into a room, before the engine gives it a seq. Its {@code message} event is encoded once,
 * here, around the one field the engine fills in ({@code head + seq + tail}), so an engine that assigns the seq
 * elsewhere (a Redis script) still stores and publishes the very bytes members receive.
 *
 * @param from     the sender's name
 * @param clientId the sender's id for exactly-once sending ({@link ChatRules#isValidClientId}), or null
 * @param head     the event's JSON up to the seq
 * @param tail     the event's JSON after the seq
 * @param publishedAtNanos {@link System#nanoTime()} when it was said, for the publish→delivery histogram
 */
public record MessageDraft(String from, String clientId, String head, String tail, long publishedAtNanos) {

    /** Encodes the event of {@code text} said by {@code from} in {@code room} at {@code ts}. */
    public static MessageDraft of(String room, String from, String text, String clientId, Instant ts) {
        ObjectNode rest = Events.JSON.createObjectNode()
                .put("from", from)
                .put("text", text)
                .put("ts", ts.toString());
        if (clientId != null) {
            rest.put("id", clientId);
        }
        try {
            String restJson = Events.JSON.writeValueAsString(rest);
            return new MessageDraft(from, clientId,
                    "{\"type\":\"message\",\"room\":" + Events.quote(room) + ",\"seq\":",
                    "," + restJson.substring(1), System.nanoTime());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored message this draft becomes at {@code seq}. */
    public StoredMessage at(long seq) {
        return new StoredMessage(seq, from, clientId, new Event(head + seq + tail), publishedAtNanos);
    }
}
