package dev.switchboard.logging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A connection opened or closed, as one log line says it: who, in which room, from where, and for a close its code,
 * reason and how long it lasted. Names and rooms only: never a token or any other credential.
 *
 * @param event          {@code open} or {@code close}
 * @param transport      {@code websocket} or {@code line}
 * @param code           the WebSocket close code, or 0 (the line protocol has none; and for an open)
 * @param reason         why it closed, empty for an open
 * @param durationMillis how long it was open, 0 for an open
 */
public record ConnectionEvent(String event, String transport, String room, String name, String client, int code,
                              String reason, long durationMillis) {

    /** {@code connection opened: websocket room=lobby name=ann client=127.0.0.1}, with quotes where needed. */
    public String text() {
        StringBuilder text = new StringBuilder("connection ").append(event.equals("open") ? "opened" : "closed")
                .append(": ").append(transport)
                .append(" room=").append(quoted(room))
                .append(" name=").append(quoted(name))
                .append(" client=").append(quoted(client));
        if (event.equals("close")) {
            if (code != 0) {
                text.append(" code=").append(code);
            }
            text.append(" reason=").append(quoted(reason))
                    .append(" duration=").append(durationMillis).append("ms");
        }
        return text.toString();
    }

    /** The fields, for a JSON log line. */
    public ObjectNode json() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("event", "connection." + event)
                .put("transport", transport)
                .put("room", room)
                .put("name", name)
                .put("client", client);
        if (event.equals("close")) {
            if (code != 0) {
                json.put("code", code);
            }
            json.put("reason", reason).put("durationMs", durationMillis);
        }
        return json;
    }

    /** Plain words stay bare; anything with spaces, quotes or line breaks (a client's close reason) is quoted. */
    private static String quoted(String value) {
        if (value == null || value.isEmpty()) {
            return "\"\"";
        }
        if (value.chars().allMatch(c -> c > ' ' && c != '"' && c != '\\' && c < 127)) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.chars().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < ' ') {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.append((char) c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
