package dev.switchboard.limits;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may open a WebSocket from a browser, against cross-site WebSocket hijacking: browsers always send
 * {@code Origin}, so a page on another site cannot ride on the user's cookies. By default the Origin must name
 * the same scheme, host and port the request was sent to (behind a trusted proxy, the scheme the client used);
 * an allow-list replaces that rule, and {@code *} allows all.
 * Requests without Origin come from non-browser clients and are allowed unless Origin is required.
 */
public final class OriginPolicy {

    private final Set<String> allowed;
    private final boolean requireOrigin;

    /**
     * @param allowed       lower-case origins like {@code https://chat.example.com}, {@code *}, or empty for
     *                      same-origin
     * @param requireOrigin refuse requests without an Origin header
     */
    public OriginPolicy(Set<String> allowed, boolean requireOrigin) {
        this.allowed = Set.copyOf(allowed);
        this.requireOrigin = requireOrigin;
    }

    /** Why a handshake with this Origin and Host is refused, or empty when it is allowed. */
    public Optional<String> refusal(String origin, String host, boolean secure) {
        if (origin == null) {
            return requireOrigin ? Optional.of("an Origin header is required") : Optional.empty();
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains("*")) {
            return Optional.empty();
        }
        if (!allowed.isEmpty()) {
            return allowed.contains(normalized) ? Optional.empty()
                    : Optional.of("origin " + origin + " is not allowed");
        }
        return sameOrigin(normalized, host, secure) ? Optional.empty()
                : Optional.of("origin " + origin + " does not match host " + host);
    }

    private static boolean sameOrigin(String origin, String host, boolean secure) {
        if (host == null) {
            return false;
        }
        try {
            URI originUri = URI.create(origin);
            if (originUri.getHost() == null) {
                return false;
            }
            int originPort = originUri.getPort() != -1 ? originUri.getPort()
                    : ("https".equals(originUri.getScheme()) ? 443 : 80);
            URI hostUri = URI.create((secure ? "https://" : "http://") + host.trim().toLowerCase(Locale.ROOT));
            int hostPort = hostUri.getPort() != -1 ? hostUri.getPort() : (secure ? 443 : 80);
            return (secure ? "https" : "http").equals(originUri.getScheme())
                    && originUri.getHost().equals(hostUri.getHost()) && originPort == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
