package dev.switchboard.upgrade;

import dev.switchboard.auth.AuthenticationException;

import java.util.Map;

/**
 * The HTTP answer to a WebSocket handshake we refuse.
 *
 * @param status       HTTP status code
 * @param reasonPhrase the status line's reason phrase
 * @param headers      extra response headers, e.g. {@code Sec-WebSocket-Version: 13} on a 426
 * @param message      the one-line body that says why
 */
public record HandshakeRejection(int status, String reasonPhrase, Map<String, String> headers, String message) {

    static HandshakeRejection badRequest(String message) {
        return new HandshakeRejection(400, "Bad Request", Map.of(), message);
    }

    static HandshakeRejection forbidden(String message) {
        return new HandshakeRejection(403, "Forbidden", Map.of(), message);
    }

    static HandshakeRejection unavailable(String message) {
        return new HandshakeRejection(503, "Service Unavailable", Map.of("Retry-After", "5"), message);
    }

    /** An authentication refusal: 401 (with {@code WWW-Authenticate: Bearer}), 403 or 400. */
    static HandshakeRejection refused(AuthenticationException e) {
        return switch (e.status()) {
            case 401 -> new HandshakeRejection(401, "Unauthorized", Map.of("WWW-Authenticate", "Bearer"),
                    e.getMessage());
            case 403 -> forbidden(e.getMessage());
            default -> badRequest(e.getMessage());
        };
    }

    /** The body as sent: the message and a line break. */
    public String body() {
        return message + "\n";
    }
}
