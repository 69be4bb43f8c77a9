package dev.switchboard.metrics;

import dev.switchboard.auth.Access;
import dev.switchboard.auth.AuthenticationException;
import dev.switchboard.auth.Caller;
import dev.switchboard.auth.Identity;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: the meters in Prometheus text format, to whoever the {@code metrics} setting lets read them. */
public final class MetricsServlet extends HttpServlet {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final transient Meters meters;
    private final transient Access access;
    private final boolean needsApiKey;

    public MetricsServlet(Meters meters, Access access, boolean needsApiKey) {
        this.meters = meters;
        this.access = access;
        this.needsApiKey = needsApiKey;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (needsApiKey) {
            Identity caller;
            try {
                caller = access.call(Caller.of(request::getHeader, request::getParameter));
            } catch (AuthenticationException e) {
                caller = null;
            }
            if (caller == null || !caller.apiKey()) {
                response.setHeader("WWW-Authenticate", "Bearer");
                send(response, 401, "text/plain;charset=UTF-8", "/metrics needs Authorization: Bearer <API key>\n");
                return;
            }
        }
        send(response, 200, PROMETHEUS_TEXT, meters.scrape());
    }

    private static void send(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
