package dev.switchboard.standalone;

import dev.switchboard.websocket.WebSocketWire;
import dev.switchboard.websocket.WebSocketWires;
import jakarta.websocket.Session;

/**
 * The launcher's choice of wire: pre-encoded frames straight to Grizzly ({@link GrizzlyFrameWire}) when the
 * handshake filter handed over the connection and no extension transforms the frames; otherwise the portable
 * {@code RemoteEndpoint.Async} (permessage-deflate compresses each frame in Tyrus).
 */
final class GrizzlyWires implements WebSocketWires {

    private final boolean encrypted;

    /** @param encrypted the port speaks TLS: frames must pass its filter */
    GrizzlyWires(boolean encrypted) {
        this.encrypted = encrypted;
    }

    @Override
    public WebSocketWire forSession(Session session) {
        return OpeningConnection.claim(session)
                .filter(connection -> session.getNegotiatedExtensions().isEmpty())
                .<WebSocketWire>map(connection -> new GrizzlyFrameWire(connection, encrypted))
                .orElseGet(() -> WebSocketWires.PORTABLE.forSession(session));
    }
}
