package dev.switchboard.standalone;

import jakarta.websocket.Session;
import org.glassfish.grizzly.Connection;

import java.util.Optional;

/**
 * Hands the Grizzly connection of a WebSocket handshake to the endpoint that Tyrus opens on it. Jakarta WebSocket
 * gives an endpoint no access to its TCP connection, but in the launcher our handshake filter and Tyrus's run in
 * one filter-chain pass on one thread, and Tyrus calls {@code onOpen} inside that pass: the filter leaves the
 * connection here, and the endpoint's {@code onOpen} takes it.
 */
final class OpeningConnection {

    private static final ThreadLocal<Opening> CURRENT = new ThreadLocal<>();

    private OpeningConnection() {
    }

    private record Opening(Connection<?> connection, String path) {
    }

    /** Called by the handshake filter for a WebSocket upgrade it lets through to Tyrus. */
    static void offer(Connection<?> connection, String path) {
        CURRENT.set(new Opening(connection, path));
    }

    /** The connection of the handshake this thread is handling, if any, left in place for {@link #claim}. */
    static Optional<Connection<?>> peek() {
        Opening opening = CURRENT.get();
        return opening == null ? Optional.empty() : Optional.of(opening.connection());
    }

    /**
     * The connection of the handshake this thread is opening {@code session} for; empty when there is none, or the
     * one left here was for another path (a refused handshake, never opened).
     */
    static Optional<Connection<?>> claim(Session session) {
        Opening opening = CURRENT.get();
        CURRENT.remove();
        if (opening == null || !opening.connection().isOpen()
                || !opening.path().equals(session.getRequestURI().getPath())) {
            return Optional.empty();
        }
        return Optional.of(opening.connection());
    }
}
