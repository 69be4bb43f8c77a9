package dev.switchboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.hub.ChatMessage;
import dev.switchboard.hub.ChatRules;
import dev.switchboard.hub.Events;
import dev.switchboard.hub.Hub;
import dev.switchboard.hub.InvalidMessageException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rooms API, mapped to {@code /api/rooms} and {@code /api/rooms/*}:
 * {@code GET /api/rooms} lists rooms; {@code POST /api/rooms/{room}/messages} publishes a message that every
 * member of the room receives, in seq order with the rest.
 */
public final class RoomsServlet extends JsonServlet {

    private static final Pattern MESSAGES = Pattern.compile("/([^/]+)/messages");

    private final Hub hub;
    private final int maxBodyBytes;

    public RoomsServlet(Hub hub, int maxBodyBytes) {
        this.hub = hub;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected Set<String> allowedMethods(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            return Set.of("GET");
        }
        if (MESSAGES.matcher(path).matches()) {
            return Set.of("POST");
        }
        return Set.of("GET", "POST");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            JsonResponses.sendObject(response, 200, hub.summaries());
            return;
        }
        Matcher messages = MESSAGES.matcher(path);
        if (!messages.matches()) {
            JsonResponses.error(response, 404, "no such resource: " + request.getRequestURI());
            return;
        }
        publish(messages.group(1), request, response);
    }

    private void publish(String room, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ChatRules.isValidRoom(room)) {
            JsonResponses.error(response, 400, "room must match [a-z0-9_-]{1,64}");
            return;
        }
        byte[] body;
        try {
            body = BoundedBody.read(request, maxBodyBytes);
        } catch (BoundedBody.TooLargeException e) {
            response.setHeader("Connection", "close");
            JsonResponses.error(response, 413, e.getMessage());
            return;
        }
        JsonNode json;
        try {
            json = Events.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonResponses.error(response, 400, "body is not valid JSON");
            return;
        }
        if (json == null || !json.isObject()) {
            JsonResponses.error(response, 400, "body must be a JSON object {\"from\":NAME,\"text\":TEXT}");
            return;
        }
        JsonNode from = json.get("from");
        if (from == null || !from.isTextual() || !ChatRules.isValidName(from.asText())) {
            JsonResponses.error(response, 400, "from must be a name matching [A-Za-z0-9_-]{1,32}");
            return;
        }
        JsonNode text = json.get("text");
        if (text != null && !text.isTextual() && !text.isNull()) {
            JsonResponses.error(response, 400, "text must be a string");
            return;
        }
        try {
            ChatMessage message = hub.room(room).publish(from.asText(),
                    text == null || text.isNull() ? null : text.asText());
            JsonResponses.send(response, 201, message.toEvent());
        } catch (InvalidMessageException e) {
            JsonResponses.error(response, 400, e.getMessage());
        }
    }
}
