package dev.switchboard.http;

import dev.switchboard.hub.EngineUnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * Base of our JSON servlets: a method the resource does not allow gets 405 with an {@code Allow} header and a
 * JSON body, the same in every container, instead of the container's HTML error page.
 */
abstract class JsonServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<String> allowed = allowedMethods(request);
        if (!allowed.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", allowed.stream().sorted().toList()));
            JsonResponses.error(response, 405, request.getMethod() + " is not allowed here; use "
                    + String.join(" or ", allowed.stream().sorted().toList()));
            return;
        }
        try {
            handle(request, response);
        } catch (EngineUnavailableException e) {
            response.setHeader("Retry-After", "2");
            JsonResponses.error(response, 503, "unavailable: " + e.getMessage());
        }
    }

    /** The methods this request's resource answers; HEAD is not offered. */
    protected abstract Set<String> allowedMethods(HttpServletRequest request);

    /** Answers a request whose method is allowed. */
    protected abstract void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
