package dev.switchboard.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/** {@code GET /health}: 200 {@code {"status":"UP"}} while the application is deployed. */
public final class HealthServlet extends JsonServlet {

    @Override
    protected Set<String> allowedMethods(HttpServletRequest request) {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.send(response, 200, "{\"status\":\"UP\"}");
    }
}
