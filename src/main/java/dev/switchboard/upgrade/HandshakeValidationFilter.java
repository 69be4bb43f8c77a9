package dev.switchboard.upgrade;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
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
            ServletUpgradeRequest view = new ServletUpgradeRequest(request);
            chain.doFilter(PeerPorts.wanted(view.path()) ? new WithPeerPorts(request) : request, response);
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

    /** The request with the connection's ports as headers (see {@link PeerPorts}); client copies are dropped. */
    private static final class WithPeerPorts extends HttpServletRequestWrapper {

        private final Map<String, String> ports;

        WithPeerPorts(HttpServletRequest request) {
            super(request);
            ports = Map.of(PeerPorts.LOCAL_PORT_HEADER, String.valueOf(request.getLocalPort()),
                    PeerPorts.REMOTE_PORT_HEADER, String.valueOf(request.getRemotePort()));
        }

        @Override
        public String getHeader(String name) {
            return PeerPorts.isPortHeader(name) ? portHeader(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (PeerPorts.isPortHeader(name)) {
                return Collections.enumeration(List.of(portHeader(name)));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String name : Collections.list(super.getHeaderNames())) {
                if (!PeerPorts.isPortHeader(name)) {
                    names.add(name);
                }
            }
            names.addAll(ports.keySet());
            return Collections.enumeration(names);
        }

        private String portHeader(String name) {
            return name.equalsIgnoreCase(PeerPorts.LOCAL_PORT_HEADER) ? ports.get(PeerPorts.LOCAL_PORT_HEADER)
                    : ports.get(PeerPorts.REMOTE_PORT_HEADER);
        }
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
