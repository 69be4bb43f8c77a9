package dev.switchboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.hub.Events;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes JSON answers: a body we encoded ourselves, or the {@code {"error":TEXT}} of a refusal. */
final class JsonResponses {

    private JsonResponses() {
    }

    static void send(HttpServletResponse response, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void sendObject(HttpServletResponse response, int status, Object value) throws IOException {
        send(response, status, encode(value));
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        sendObject(response, status, Map.of("error", message));
    }

    private static String encode(Object value) {
        try {
            return Events.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }
}
