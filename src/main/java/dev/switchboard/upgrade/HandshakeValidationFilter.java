package dev.switchboard.upgrade;

import dev.switchboard.auth.Access;
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
import java.util.TreeMap;

/**
 * The servlet face of {@link HandshakeValidator}: mapped to Switchboard's paths ({@code /*}, or e.g.
 * {@code /switchboard/*} inside an application) ahead of the container's WebSocket filter, it answers refused
 * handshakes itself and lets every other request through.
 */
public final class HandshakeValidationFilter extends HttpFilter {

    private final transient HandshakeValidator validator;
    private final transient Access access;
    private final String pathPrefix;

    /**
     * @param pathPrefix where Switchboard's paths start under the context root ({@code ""} or e.g.
     *                   {@code /switchboard}); the filter is mapped there only
     */
    public HandshakeValidationFilter(HandshakeValidator validator, Access access, String pathPrefix) {
        this.validator = validator;
        this.access = access;
        this.pathPrefix = pathPrefix;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        access.servedOn(request.getLocalAddr());
        ServletUpgradeRequest view = new ServletUpgradeRequest(request, pathPrefix);
        Optional<HandshakeRejection> rejection = validator.check(view);
        if (rejection.isEmpty()) {
            chain.doFilter(HandshakeValidator.isWebSocketUpgrade(view)
                    ? new WithOurHeaders(request, ourHeaders(view)) : request, response);
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

    private Map<String, String> ourHeaders(ServletUpgradeRequest view) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put(PeerPorts.CLIENT_ADDRESS_HEADER, validator.client(view).address());
        if (PeerPorts.wanted(view.path())) {
            headers.put(PeerPorts.LOCAL_PORT_HEADER, String.valueOf(view.request().getLocalPort()));
            headers.put(PeerPorts.REMOTE_PORT_HEADER, String.valueOf(view.request().getRemotePort()));
        }
        return headers;
    }

    /** The request with our headers (see {@link PeerPorts}); copies a client sent are dropped. */
    private static final class WithOurHeaders extends HttpServletRequestWrapper {

        private final Map<String, String> ours;

        WithOurHeaders(HttpServletRequest request, Map<String, String> ours) {
            super(request);
            this.ours = ours;
        }

        @Override
        public String getHeader(String name) {
            return PeerPorts.isOurs(name) ? ours.get(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (PeerPorts.isOurs(name)) {
                String value = ours.get(name);
                return Collections.enumeration(value == null ? List.of() : List.of(value));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String name : Collections.list(super.getHeaderNames())) {
                if (!PeerPorts.isOurs(name)) {
                    names.add(name);
                }
            }
            names.addAll(ours.keySet());
            return Collections.enumeration(names);
        }
    }

    /** The request as our validator reads it: its path relative to Switchboard's prefix. */
    private record ServletUpgradeRequest(HttpServletRequest request, String pathPrefix) implements UpgradeRequest {

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String path() {
            String uri = request.getRequestURI();
            String inContext = uri.substring(request.getContextPath().length());
            return inContext.startsWith(pathPrefix) ? inContext.substring(pathPrefix.length()) : inContext;
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

        @Override
        public java.security.Principal principal() {
            return request.getUserPrincipal();
        }

        @Override
        public boolean isUserInRole(String role) {
            return request.isUserInRole(role);
        }
    }
}
