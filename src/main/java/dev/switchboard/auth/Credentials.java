package dev.switchboard.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a request carries its token or API key: a browser offers the subprotocol {@code bearer.<token>} next to
 * {@code switchboard.v1} (browsers cannot set headers on a WebSocket); any other client sends
 * {@code Authorization: Bearer <token>}. A token in the URL is refused: URLs end up in logs and histories.
 */
public final class Credentials {

    /** The subprotocol a client asks for and the server answers with; never the token. */
    public static final String SUBPROTOCOL = "switchboard.v1";
    static final String BEARER_SUBPROTOCOL_PREFIX = "bearer.";
    private static final String[] URL_TOKEN_PARAMETERS = {"token", "access_token", "jwt", "api_key"};

    private Credentials() {
    }

    /**
     * The bearer credential of a request, if any.
     *
     * @param header a request header's values joined with commas, or null
     * @param query  a query parameter's first value, or null
     * @throws AuthenticationException 400 when the URL carries a token
     */
    public static Optional<String> bearer(Function<String, String> header, Function<String, String> query) {
        for (String parameter : URL_TOKEN_PARAMETERS) {
            if (query.apply(parameter) != null) {
                throw new AuthenticationException(400, "a token in the URL is refused (URLs end up in logs): send "
                        + "Authorization: Bearer <token> or the subprotocol " + BEARER_SUBPROTOCOL_PREFIX + "<token>");
            }
        }
        String protocols = header.apply("Sec-WebSocket-Protocol");
        if (protocols != null) {
            for (String protocol : protocols.split(",")) {
                String trimmed = protocol.trim();
                if (trimmed.startsWith(BEARER_SUBPROTOCOL_PREFIX)) {
                    return Optional.of(trimmed.substring(BEARER_SUBPROTOCOL_PREFIX.length()));
                }
            }
        }
        String authorization = header.apply("Authorization");
        if (authorization != null && authorization.length() > 7
                && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.empty();
    }

    /** Whether a subprotocol value is a credential (and so must never be shown). */
    public static boolean isBearerSubprotocol(String value) {
        return value.trim().startsWith(BEARER_SUBPROTOCOL_PREFIX);
    }
}
