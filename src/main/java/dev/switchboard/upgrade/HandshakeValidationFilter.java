package dev.switchboard.upgrade;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;

/**
 * The servlet face of {@link HandshakeValidator}: mapped to {@code /*} ahead of the container's WebSocket
 * filter, it answers refused handshakes itself and lets every other request through.
 */
public final class HandshakeValidationFilter extends HttpFilter {

    private final transient HandshakeValidator validator;

    public HandshakeValidationFilter(HandshakeValidator validator) {
        this.validator = validator;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<HandshakeRejection> rejection = validator.check(new ServletUpgradeRequest(request));
        if (rejection.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HandshakeRejection refused = rejection.get();
        response.setStatus(refused.status());
        refused.headers().forEach(response::setHeader);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = refused.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private record ServletUpgradeRequest(HttpServletRequest request) implements UpgradeRequest {

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String path() {
            String uri = request.getRequestURI();
            return uri.substring(request.getContextPath().length());
        }

        @Override
        public String header(String name) {
            var values = Collections.list(request.getHeaders(name));
            return values.isEmpty() ? null : String.join(",", values);
        }

        @Override
        public String queryParameter(String name) {
            return request.getParameter(name);
        }

        @Override
        public String remoteAddress() {
            return request.getRemoteAddr();
        }

        @Override
        public boolean secure() {
            return request.isSecure();
        }
    }
}
