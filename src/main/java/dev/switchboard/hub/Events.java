package dev.switchboard.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Encodes the JSON events of the chat protocol. Each event is encoded once and shared by all its receivers. */
public final class Events {

    /** The one mapper of the application; Jackson mappers are thread-safe once configured. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** {@code members}: the first names present, as listed; {@code membersTotal}: how many there are. */
    public static Event welcome(String room, String you, List<String> listed, int total, long lastSeq,
                                String epoch, Optional<Instant> expiresAt) {
        ObjectNode event = event("welcome").put("room", room).put("you", you);
        ArrayNode names = event.putArray("members");
        listed.forEach(names::add);
        event.put("membersTotal", total).put("seq", lastSeq).put("epoch", epoch);
        expiresAt.ifPresent(at -> event.put("expiresAt", at.toString()));
        return encode(event);
    }

    /** The answer to a token refresh: when the new token expires. */
    public static Event refreshed(Instant expiresAt) {
        return encode(event("refreshed").put("expiresAt", expiresAt.toString()));
    }

    public static Event join(String room, String name, int members) {
        return encode(event("join").put("room", room).put("name", name).put("members", members));
    }

    public static Event leave(String room, String name, int members) {
        return encode(event("leave").put("room", room).put("name", name).put("members", members));
    }

    /**
     * Sent before a replay when messages the member asked for are not in history: they have left it, or the room's
     * history was lost ({@code epoch} changed). What follows starts at seq {@code from}.
     */
    public static Event reset(long from, String epoch) {
        return encode(event("reset").put("from", from).put("epoch", epoch));
    }

    public static Event error(Problem problem) {
        return encode(event("error").put("code", problem.code()).put("message", problem.message()));
    }

    /** An error about the {@code say} the client sent with this id (null: none), so it knows which one failed. */
    public static Event error(Problem problem, String id) {
        if (id == null) {
            return error(problem);
        }
        return encode(event("error").put("code", problem.code()).put("message", problem.message()).put("id", id));
    }

    /** A JSON string literal. */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static Event encode(ObjectNode node) {
        try {
            return new Event(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + node, e);
        }
    }
}
