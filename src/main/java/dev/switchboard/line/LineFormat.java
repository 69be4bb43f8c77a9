package dev.switchboard.line;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.hub.Events;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders room events as the line protocol's lines, one event per line:
 * {@code #42 alice: hello}, {@code * bob joined (3 here)}, {@code ! error: text-too-long: ...}.
 * Line breaks inside a message become spaces, so one event is always one line.
 */
final class LineFormat {

    /**
     * A room hands the same event string to every member in turn on one thread, so the last rendering is kept per
     * thread: each event is parsed once per fan-out, not once per line member.
     */
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

    private LineFormat() {
    }

    /** The line for an encoded event (without the line break). */
    static String render(String eventJson) {
        String[] last = LAST.get();
        if (last[0] != eventJson) { // identity: the very string the room encoded once
            last[1] = renderNow(eventJson);
            last[0] = eventJson;
        }
        return last[1];
    }

    private static String renderNow(String eventJson) {
        JsonNode event;
        try {
            event = Events.JSON.readTree(eventJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event: " + eventJson, e);
        }
        return switch (event.path("type").asText()) {
            case "message" -> "#" + event.path("seq").asLong() + " " + event.path("from").asText() + ": "
                    + oneLine(event.path("text").asText());
            case "join" -> "* " + event.path("name").asText() + " joined (" + event.path("members").asInt() + " here)";
            case "leave" -> "* " + event.path("name").asText() + " left (" + event.path("members").asInt() + " here)";
            case "welcome" -> "* welcome to " + event.path("room").asText() + ", " + event.path("you").asText()
                    + " (here: " + String.join(", ", names(event.path("members"))) + "; last message #"
                    + event.path("seq").asLong() + ")";
            case "reset" -> "* messages before #" + event.path("from").asLong() + " are no longer kept";
            case "error" -> error(event.path("code").asText(), event.path("message").asText());
            default -> "* " + oneLine(eventJson);
        };
    }

    static String error(String code, String message) {
        return "! error: " + code + ": " + oneLine(message);
    }

    private static List<String> names(JsonNode members) {
        List<String> names = new ArrayList<>();
        members.forEach(member -> names.add(member.asText()));
        return names;
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
