package dev.switchboard.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","connections":N}} while the application is deployed, with the
 * number of open WebSocket connections.
 */
public final class HealthServlet extends JsonServlet {

    private final IntSupplier openConnections;

    public HealthServlet(IntSupplier openConnections) {
        this.openConnections = openConnections;
    }

    @Override
    protected Set<String> allowedMethods(HttpServletRequest request) {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.send(response, 200, "{\"status\":\"UP\",\"connections\":" + openConnections.getAsInt() + "}");
    }
}
