package dev.switchboard.http;

import dev.switchboard.hub.EngineHealth;
import dev.switchboard.hub.Hub;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","connections":N,"engine":{...}}} (N: open WebSocket and line
 * connections) while the engine takes messages,
 * 503 with {@code "status":"DOWN"} and the engine's state while it does not (open connections stay open).
 */
public final class HealthServlet extends JsonServlet {

    private final IntSupplier openConnections;
    private final Hub hub;

    public HealthServlet(IntSupplier openConnections, Hub hub) {
        this.openConnections = openConnections;
        this.hub = hub;
    }

    @Override
    protected Set<String> allowedMethods(HttpServletRequest request) {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EngineHealth health = hub.health();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.available() ? "UP" : "DOWN");
        body.put("connections", openConnections.getAsInt());
        body.put("rooms", Map.of("open", hub.openRooms(), "historyBytes", hub.historyBytes()));
        body.put("engine", Map.of("name", health.engine(), "available", health.available(),
                "detail", health.detail()));
        if (!health.available()) {
            response.setHeader("Retry-After", "5");
        }
        JsonResponses.sendObject(response, health.available() ? 200 : 503, body);
    }
}
